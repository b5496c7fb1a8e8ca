namespace StepUp.Vonage;

/// <summary>
/// Settings for Vonage, bound from the <c>StepUp:Vonage</c> configuration section and validated at start-up: a missing
/// credential for the chosen <see cref="Mode"/> stops the app with a message that names the setting.
/// </summary>
/// <remarks>
/// Keep <see cref="ApiSecret"/> and <see cref="PrivateKey"/> out of source control (user secrets, environment variables or a
/// key vault). StepUp never logs them, never puts them in a URL and leaves them out of <see cref="ToString"/>.
/// </remarks>
public sealed class VonageOptions
{
    /// <summary>
    /// Who makes the code: <see cref="VonageMode.Messages"/> (StepUp makes it; SMS API and Voice API deliver it) or
    /// <see cref="VonageMode.Verify"/> (Vonage Verify v2 makes and checks it). Read when <c>AddVonage</c> is called.
    /// Default: <see cref="VonageMode.Messages"/>.
    /// </summary>
    public VonageMode Mode { get; set; } = VonageMode.Messages;

    /// <summary>The account's API key. Required for text messages and for Verify with <see cref="VonageVerifyAuthentication.Basic"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The account's API secret. Required with <see cref="ApiKey"/>. Sent in request bodies or the Authorization header, never in a URL.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>The Vonage application's id. Required for voice calls and for Verify with <see cref="VonageVerifyAuthentication.Jwt"/>.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>
    /// The application's RSA private key in PEM (<c>-----BEGIN PRIVATE KEY-----</c> …), used to sign JWTs. Set this or
    /// <see cref="PrivateKeyPath"/>, not both. It must parse as an RSA private key of at least 2048 bits, or the app does not start.
    /// </summary>
    public string? PrivateKey { get; set; }

    /// <summary>A file holding <see cref="PrivateKey"/> (for example <c>private.key</c> downloaded from the Vonage dashboard).</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>
    /// The sender of text messages: a Vonage number (digits, up to 15) or an alphanumeric sender id (up to 11 letters, digits or
    /// spaces) where the destination country allows one. Required for text messages.
    /// </summary>
    public string? SmsFrom { get; set; }

    /// <summary>
    /// The Vonage number that places calls (digits, E.164 without <c>+</c>). Default: none, a random number of the application
    /// is used (<c>random_from_number</c>).
    /// </summary>
    public string? VoiceFrom { get; set; }

    /// <summary>
    /// The text-to-speech voice style (see Vonage's text-to-speech guide). Default: <see langword="null"/>, Vonage's first
    /// style for the language.
    /// </summary>
    public int? VoiceStyle { get; set; }

    /// <summary>Whether to use Vonage's premium (paid) voice for the style. Default: <see langword="false"/>.</summary>
    public bool VoicePremium { get; set; }

    /// <summary>
    /// The language spoken when the message's culture has no Vonage voice (BCP-47, e.g. <c>en-US</c>). Default: <c>en-US</c>.
    /// </summary>
    public string DefaultVoiceLanguage { get; set; } = "en-US";

    /// <summary>
    /// Hang up when a voicemail or answering machine picks up, so the code is never left on a mailbox (mailboxes are a known
    /// way to steal voice codes). Default: <see langword="true"/>.
    /// </summary>
    public bool HangUpOnVoicemail { get; set; } = true;

    /// <summary>How long a call may last once answered. Default: 2 minutes.</summary>
    public TimeSpan CallLengthLimit { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How Verify v2 requests authenticate. Default: <see cref="VonageVerifyAuthentication.Basic"/>.</summary>
    public VonageVerifyAuthentication VerifyAuthentication { get; set; } = VonageVerifyAuthentication.Basic;

    /// <summary>
    /// The brand named in Verify messages (at most 18 characters, none of <c>/ { } : $</c>). Default: StepUp's brand
    /// (<c>StepUp:Brand</c> or the request host), shortened and cleaned to fit.
    /// </summary>
    public string? VerifyBrand { get; set; }

    /// <summary>
    /// Whether Verify falls back to the other channel when the first is not completed within <see cref="VerifyChannelTimeout"/>
    /// (text then call, or call then text). It also lets users switch channel. Default: <see langword="true"/>.
    /// </summary>
    public bool VerifyFallback { get; set; } = true;

    /// <summary>How long Verify waits on one channel before the next (15 seconds to 15 minutes). Default: 3 minutes.</summary>
    public TimeSpan VerifyChannelTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The base address of the SMS API. Default: <c>https://rest.nexmo.com</c>. HTTPS only, except on loopback.</summary>
    public Uri SmsBaseUrl { get; set; } = VonageDefaults.SmsBaseUrl;

    /// <summary>
    /// The base address of the Voice API and Verify v2. Default: <c>https://api.nexmo.com</c> (or a regional address such as
    /// <c>https://api-eu.vonage.com</c>). HTTPS only, except on loopback.
    /// </summary>
    public Uri ApiBaseUrl { get; set; } = VonageDefaults.ApiBaseUrl;

    /// <summary>Attempts per request, the first included (1 to 10). Default: 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first wait before a retry; it doubles with each retry, with jitter. Default: 200 milliseconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The longest wait before a retry. A 429 whose <c>Retry-After</c> asks for longer is not retried. Default: 2 seconds.
    /// </summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one attempt may take. Default: 4 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>The time budget of a request, all attempts and waits included (at most 1 minute). Default: 10 seconds.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a JWT signed for Vonage is valid (1 to 60 minutes). Default: 5 minutes.</summary>
    public TimeSpan JwtLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public override string ToString() =>
        $"VonageOptions {{ Mode = {Mode}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")}, ApiSecret = (redacted), " +
        $"ApplicationId = {ApplicationId ?? "(none)"}, PrivateKey = (redacted), SmsBaseUrl = {SmsBaseUrl}, ApiBaseUrl = {ApiBaseUrl} }}";
}

using System.Security.Claims;

namespace StepUp.AspNetCore;

/// <summary>
/// App-wide settings for StepUp, bound from the <c>StepUp</c> configuration section and validated at start-up.
/// </summary>
public sealed class StepUpOptions
{
    /// <summary>How recent the second factor must be when a requirement does not say. Default: 10 minutes.</summary>
    public TimeSpan DefaultMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The channels users may choose when a requirement does not say. Default: <see cref="PhoneChannels.All"/>.</summary>
    public PhoneChannels AllowedChannels { get; set; } = PhoneChannels.All;

    /// <summary>How requirements are satisfied when they do not say. Default: <see cref="StepUpMode.InApp"/>.</summary>
    public StepUpMode Mode { get; set; } = StepUpMode.InApp;

    /// <summary>Number of digits in a code (6 to 10). Default: 6.</summary>
    public int CodeLength { get; set; } = 6;

    /// <summary>How long a code can be used. Default: 5 minutes.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong tries allowed for one code before it is void. Default: 5.</summary>
    public int MaxAttemptsPerCode { get; set; } = 5;

    /// <summary>
    /// Wrong tries allowed for one user within <see cref="FailureWindow"/>, across codes and sessions. A new code does
    /// not reset it; a successful verification does. Default: 10.
    /// </summary>
    public int MaxFailuresPerUser { get; set; } = 10;

    /// <summary>The window of <see cref="MaxFailuresPerUser"/>. Default: 1 hour.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Codes sent to one user within <see cref="SendWindow"/>. Default: 5.</summary>
    public int MaxSendsPerUser { get; set; } = 5;

    /// <summary>Codes sent to one phone number within <see cref="SendWindow"/>, whoever asks. Default: 5.</summary>
    public int MaxSendsPerPhoneNumber { get; set; } = 5;

    /// <summary>Codes requested from one client address within <see cref="SendWindow"/>. Default: 20.</summary>
    public int MaxSendsPerClientAddress { get; set; } = 20;

    /// <summary>The window of the send limits. Default: 1 hour.</summary>
    public TimeSpan SendWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Wait before the first resend; it doubles with every further send in the window. Default: 30 seconds.</summary>
    public TimeSpan ResendCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two sends. Default: 10 minutes.</summary>
    public TimeSpan MaxResendCooldown { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an in-app grant is kept in the store; no requirement can be satisfied by an older one. Default: 12 hours.</summary>
    public TimeSpan GrantLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Region codes (ISO 3166-1 alpha-2, e.g. <c>NL</c>, <c>GB</c>) whose numbers users may attach. Empty: any country.
    /// </summary>
    public IList<string> AllowedCountries { get; } = [];

    /// <summary>Region used to read numbers typed without a <c>+</c> country prefix. Default: none (the prefix is required).</summary>
    public string? DefaultRegion { get; set; }

    /// <summary>The path of the in-app step-up page. Default: <c>/stepup</c>.</summary>
    public string StepUpPath { get; set; } = StepUpDefaults.StepUpPath;

    /// <summary>The path prefix of the JSON API. Default: <c>/stepup/api</c>.</summary>
    public string ApiPath { get; set; } = StepUpDefaults.ApiPath;

    /// <summary>The <c>acr_values</c> named in RFC 9470 challenges and sent to a standard OIDC directory. Default: <c>phone-mfa</c>.</summary>
    public string AcrValues { get; set; } = StepUpDefaults.AcrValues;

    /// <summary>
    /// <c>amr</c> values in a directory token that prove a second factor. Default: <c>mfa</c>, <c>sms</c>, <c>tel</c>, <c>otp</c>.
    /// </summary>
    public IList<string> DirectoryMfaMethods { get; } = ["mfa", "sms", "tel", "otp"];

    /// <summary>
    /// Directory policy ids (B2C <c>tfp</c>/<c>acr</c> claim values such as <c>B2C_1_SiIn_MFA</c>) whose tokens prove a second
    /// factor. Compared case-insensitively. Default: none.
    /// </summary>
    public IList<string> DirectoryMfaPolicies { get; } = [];

    /// <summary>Claim types that carry the user's stable id, first found wins. Default: name identifier, <c>sub</c>, <c>oid</c>.</summary>
    public IList<string> UserIdClaimTypes { get; } = [ClaimTypes.NameIdentifier, "sub", "oid"];

    /// <summary>
    /// The authentication scheme whose ticket is re-issued with the step-up claims after an in-app verification.
    /// Default: the app's default sign-in scheme.
    /// </summary>
    public string? SignInScheme { get; set; }

    /// <summary>The brand named in text messages and calls (e.g. "Contoso Bank"). Default: the host name of the request.</summary>
    public string? Brand { get; set; }

    /// <summary>Hooks into StepUp's decisions.</summary>
    public StepUpEvents Events { get; set; } = new();
}

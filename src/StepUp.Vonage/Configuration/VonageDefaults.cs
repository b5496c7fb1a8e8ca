namespace StepUp.Vonage;

/// <summary>Default values and names used by StepUp.Vonage.</summary>
public static class VonageDefaults
{
    /// <summary>The configuration section read in examples and named in validation messages: <c>StepUp:Vonage</c>.</summary>
    public const string ConfigurationSection = "StepUp:Vonage";

    /// <summary>The base address of the SMS API: <c>https://rest.nexmo.com</c>.</summary>
    public static readonly Uri SmsBaseUrl = new("https://rest.nexmo.com");

    /// <summary>The base address of the Voice API and Verify v2: <c>https://api.nexmo.com</c>.</summary>
    public static readonly Uri ApiBaseUrl = new("https://api.nexmo.com");

    /// <summary>The name of the HTTP client of the SMS API.</summary>
    public const string SmsClientName = "StepUp.Vonage.Sms";

    /// <summary>The name of the HTTP client of the Voice API.</summary>
    public const string VoiceClientName = "StepUp.Vonage.Voice";

    /// <summary>The name of the HTTP client of Verify v2.</summary>
    public const string VerifyClientName = "StepUp.Vonage.VerifyV2";
}

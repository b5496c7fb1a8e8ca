namespace StepUp.AspNetCore;

/// <summary>Claim types StepUp reads and writes.</summary>
public static class StepUpClaimTypes
{
    /// <summary>Authentication methods (RFC 8176): StepUp adds <c>mfa</c> and <c>sms</c> or <c>tel</c>.</summary>
    public const string AuthenticationMethod = "amr";

    /// <summary>The opaque id of the session an in-app grant is bound to.</summary>
    public const string SessionId = "stepup_sid";

    /// <summary>When the in-app step-up succeeded, in Unix seconds.</summary>
    public const string StepUpTime = "stepup_time";

    /// <summary>The directory's time of authentication, in Unix seconds.</summary>
    public const string AuthTime = "auth_time";

    /// <summary>The B2C policy ("trust framework policy") that issued the token.</summary>
    public const string TrustFrameworkPolicy = "tfp";

    /// <summary>The authentication context class reference.</summary>
    public const string AuthenticationContextClass = "acr";

    /// <summary>A session id issued by the directory (OpenID Connect front/back-channel logout).</summary>
    public const string DirectorySessionId = "sid";
}

namespace StepUp.OpenIdConnect;

/// <summary>Default names and paths of StepUp's directory redirect mode.</summary>
public static class OpenIdConnectRedirectDefaults
{
    /// <summary>The configuration section bound by <c>AddOpenIdConnectRedirect(IConfiguration)</c> in examples: <c>StepUp:OpenIdConnect</c>.</summary>
    public const string ConfigurationSection = "StepUp:OpenIdConnect";

    /// <summary>The default path of the page that explains a cancelled or unconfirmed step-up: <c>/stepup/directory</c>.</summary>
    public const string ResultPath = "/stepup/directory";

    /// <summary>How long after an accepted step-up a renewed challenge is treated as "not recognised" instead of redirecting again.</summary>
    public static readonly TimeSpan LoopGuardWindow = TimeSpan.FromMinutes(1);
}

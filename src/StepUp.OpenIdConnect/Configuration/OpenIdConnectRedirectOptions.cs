namespace StepUp.OpenIdConnect;

/// <summary>
/// Settings of StepUp's directory redirect mode (configuration section <c>StepUp:OpenIdConnect</c>), validated at start-up.
/// </summary>
public sealed class OpenIdConnectRedirectOptions
{
    /// <summary>The app's OpenID Connect scheme to challenge. Set by <c>AddOpenIdConnectRedirect(scheme, …)</c>. Default: <c>OpenIdConnect</c>.</summary>
    public string Scheme { get; set; } = Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>How the directory is asked for MFA. Default: <see cref="DirectoryDialect.AzureAdB2C"/>.</summary>
    public DirectoryDialect Dialect { get; set; } = DirectoryDialect.AzureAdB2C;

    /// <summary>B2C: the policy with MFA that the step-up challenge goes to, e.g. <c>B2C_1_SiIn_MFA</c> or <c>B2C_1A_SignIn_MFA</c>. Required for B2C.</summary>
    public string? MfaPolicy { get; set; }

    /// <summary>
    /// B2C: the scheme's own policy, whose segment (or <c>p=</c> value) in the metadata address is replaced by
    /// <see cref="MfaPolicy"/>. Default: the segment or <c>p=</c> value of the scheme's metadata address that starts with <c>B2C_1</c>.
    /// </summary>
    public string? SignInPolicy { get; set; }

    /// <summary>
    /// B2C: policies whose tokens prove MFA (<c>tfp</c> or <c>acr</c> claim), compared case-insensitively. Default:
    /// <see cref="MfaPolicy"/>. They are added to <c>StepUp:DirectoryMfaPolicies</c> so the session keeps counting as stepped up.
    /// </summary>
    public IList<string> AllowedMfaPolicies { get; } = [];

    /// <summary>Standard OIDC: the <c>acr_values</c> sent. Default: <c>StepUp:AcrValues</c> (<c>phone-mfa</c>).</summary>
    public string? AcrValues { get; set; }

    /// <summary>
    /// Standard OIDC: <c>acr</c> values that prove MFA, compared exactly. Default: the values of <see cref="AcrValues"/>. They
    /// are added to <c>StepUp:DirectoryMfaPolicies</c>.
    /// </summary>
    public IList<string> AllowedAcrValues { get; } = [];

    /// <summary>Whether the challenge sends <c>max_age</c> (the requirement's max age). Default: <see langword="true"/>.</summary>
    public bool SendMaxAge { get; set; } = true;

    /// <summary>A <c>prompt</c> to send with the challenge (e.g. <c>login</c> for a directory that ignores <c>max_age</c>). Default: none.</summary>
    public string? Prompt { get; set; }

    /// <summary>The path of the page that explains a cancelled or unconfirmed step-up. Default: <c>/stepup/directory</c>.</summary>
    public string ResultPath { get; set; } = OpenIdConnectRedirectDefaults.ResultPath;

    /// <summary>Hooks into the redirect mode's outcomes.</summary>
    public OpenIdConnectRedirectEvents Events { get; set; } = new();
}

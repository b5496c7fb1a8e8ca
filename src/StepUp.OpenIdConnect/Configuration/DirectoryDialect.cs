namespace StepUp.OpenIdConnect;

/// <summary>How the directory is asked for MFA and how its answer is recognised.</summary>
public enum DirectoryDialect
{
    /// <summary>
    /// Azure AD B2C policies: the challenge goes to another policy (<see cref="OpenIdConnectRedirectOptions.MfaPolicy"/>)
    /// by rewriting the policy segment or <c>p=</c>; that policy's own metadata, keys and issuer validate the token, whose
    /// <c>tfp</c> (or <c>acr</c>) must be in <see cref="OpenIdConnectRedirectOptions.AllowedMfaPolicies"/>.
    /// </summary>
    AzureAdB2C = 1,

    /// <summary>
    /// Standard OpenID Connect: the same authority with <c>acr_values</c> and <c>max_age</c>; the token's <c>acr</c> must be
    /// in <see cref="OpenIdConnectRedirectOptions.AllowedAcrValues"/>.
    /// </summary>
    AcrValues = 2,
}

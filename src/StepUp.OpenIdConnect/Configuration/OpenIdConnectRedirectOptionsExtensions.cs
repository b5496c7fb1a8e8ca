namespace StepUp.OpenIdConnect;

/// <summary>The effective values of <see cref="OpenIdConnectRedirectOptions"/> once defaults are applied.</summary>
internal static class OpenIdConnectRedirectOptionsExtensions
{
    public static IReadOnlyList<string> EffectiveAllowedMfaPolicies(this OpenIdConnectRedirectOptions options) =>
        options.AllowedMfaPolicies.Count > 0 ? [.. options.AllowedMfaPolicies] : options.MfaPolicy is { } policy ? [policy] : [];

    public static string EffectiveAcrValues(this OpenIdConnectRedirectOptions options, StepUp.AspNetCore.StepUpOptions stepUp) =>
        string.IsNullOrWhiteSpace(options.AcrValues) ? stepUp.AcrValues : options.AcrValues;

    public static IReadOnlyList<string> EffectiveAllowedAcrValues(this OpenIdConnectRedirectOptions options, StepUp.AspNetCore.StepUpOptions stepUp) =>
        options.AllowedAcrValues.Count > 0
            ? [.. options.AllowedAcrValues]
            : options.EffectiveAcrValues(stepUp).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

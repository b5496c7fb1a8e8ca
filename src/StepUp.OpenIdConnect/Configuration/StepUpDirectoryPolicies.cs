using Microsoft.Extensions.Options;
using StepUp.AspNetCore;

namespace StepUp.OpenIdConnect.Configuration;

/// <summary>
/// Adds the allowed MFA policies (B2C) or <c>acr</c> values (standard OIDC) to <c>StepUp:DirectoryMfaPolicies</c>, so the
/// session the directory's answer creates keeps satisfying requirements until its <c>auth_time</c> is older than MaxAge.
/// </summary>
internal sealed class StepUpDirectoryPolicies(IOptionsMonitor<OpenIdConnectRedirectOptions> redirect) : IPostConfigureOptions<StepUpOptions>
{
    public void PostConfigure(string? name, StepUpOptions options)
    {
        var current = redirect.CurrentValue;
        var values = current.Dialect == DirectoryDialect.AzureAdB2C ? current.EffectiveAllowedMfaPolicies() : current.EffectiveAllowedAcrValues(options);
        foreach (var value in values)
        {
            if (!options.DirectoryMfaPolicies.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                options.DirectoryMfaPolicies.Add(value);
            }
        }
    }
}

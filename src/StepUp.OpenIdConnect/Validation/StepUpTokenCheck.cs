using System.Globalization;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore;

namespace StepUp.OpenIdConnect.Validation;

/// <summary>
/// Decides whether an id_token that answered a step-up challenge proves MFA. The handler has already checked signature,
/// issuer, audience, lifetime and nonce (for B2C against the MFA policy's own metadata); this adds what only StepUp knows:
/// the policy (<c>tfp</c>/<c>acr</c>) or <c>acr</c> is on the allow-list, <c>auth_time</c> is within the requirement's max
/// age, and the account is the one that asked.
/// </summary>
internal sealed class StepUpTokenCheck(IOptionsMonitor<OpenIdConnectRedirectOptions> options, IOptionsMonitor<StepUpOptions> stepUp, TimeProvider time)
{
    private static readonly TimeSpan FutureSkew = TimeSpan.FromMinutes(5);

    /// <summary>The failure, or <see langword="null"/> when the token proves MFA; and the policy or acr it presented.</summary>
    public (DirectoryStepUpOutcome? Failure, string? Presented) Check(JwtSecurityToken token, ClaimsPrincipal principal, AuthenticationProperties properties)
    {
        var current = options.CurrentValue;
        var stepUpOptions = stepUp.CurrentValue;
        string? presented;
        bool allowed;
        if (current.Dialect == DirectoryDialect.AzureAdB2C)
        {
            presented = Claim(token, StepUpClaimTypes.TrustFrameworkPolicy) ?? Claim(token, StepUpClaimTypes.AuthenticationContextClass);
            allowed = presented is not null && current.EffectiveAllowedMfaPolicies().Contains(presented, StringComparer.OrdinalIgnoreCase);
        }
        else
        {
            presented = Claim(token, StepUpClaimTypes.AuthenticationContextClass);
            allowed = presented is not null && current.EffectiveAllowedAcrValues(stepUpOptions).Contains(presented, StringComparer.Ordinal);
        }

        if (!allowed)
        {
            return (DirectoryStepUpOutcome.NotVerified, presented);
        }

        var maxAge = OpenIdConnectRedirectProperties.GetMaxAge(properties) ?? stepUpOptions.DefaultMaxAge;
        var now = time.GetUtcNow();
        if (!long.TryParse(Claim(token, StepUpClaimTypes.AuthTime), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ||
            seconds is <= 0 or >= 253402300799 ||
            DateTimeOffset.FromUnixTimeSeconds(seconds) is var authTime && (authTime > now + FutureSkew || now - authTime > maxAge))
        {
            return (DirectoryStepUpOutcome.TooOld, presented);
        }

        if (properties.Items.TryGetValue(OpenIdConnectRedirectProperties.UserId, out var expected) && expected is not null &&
            !string.Equals(UserId(principal, stepUpOptions), expected, StringComparison.Ordinal))
        {
            return (DirectoryStepUpOutcome.OtherAccount, presented);
        }

        return (null, presented);
    }

    /// <summary>The user id of <paramref name="principal"/> by <c>StepUp:UserIdClaimTypes</c>, first found wins.</summary>
    public static string? UserId(ClaimsPrincipal principal, StepUpOptions options)
    {
        foreach (var type in options.UserIdClaimTypes)
        {
            if (principal.FindFirst(type)?.Value is { Length: > 0 } id)
            {
                return id;
            }
        }

        return null;
    }

    private static string? Claim(JwtSecurityToken token, string type) => token.Claims.FirstOrDefault(c => c.Type == type)?.Value;
}

using System.Globalization;
using System.Security.Claims;
using StepUp.AspNetCore.Grants;

namespace StepUp.AspNetCore;

/// <summary>Reads the in-app step-up a session carries, e.g. to show "verified by text 3 minutes ago".</summary>
public static class StepUpClaimsPrincipalExtensions
{
    /// <summary>
    /// When and how the session last stepped up in the app, or <see langword="null"/>. For display only: authorization
    /// always checks the grant in the store.
    /// </summary>
    public static StepUpInfo? GetStepUp(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var time = principal.FindFirst(c => c.Type == StepUpClaimTypes.StepUpTime && c.Issuer == StepUpSessionManager.ClaimIssuer);
        if (time is null || !long.TryParse(time.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var voice = principal.HasClaim(c => c.Type == StepUpClaimTypes.AuthenticationMethod && c.Value == "tel" && c.Issuer == StepUpSessionManager.ClaimIssuer);
        return new StepUpInfo(DateTimeOffset.FromUnixTimeSeconds(seconds), voice ? PhoneChannel.Voice : PhoneChannel.Sms);
    }
}

/// <summary>When and how a session stepped up.</summary>
/// <param name="VerifiedAt">When.</param>
/// <param name="Channel">Text message or voice call.</param>
public sealed record StepUpInfo(DateTimeOffset VerifiedAt, PhoneChannel Channel);

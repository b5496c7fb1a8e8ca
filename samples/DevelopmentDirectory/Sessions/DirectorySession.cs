using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using StepUp.AspNetCore;

namespace StepUp.DevelopmentDirectory.Sessions;

/// <summary>
/// The directory's single sign-on session (its own cookie): who signed in, when, and when the phone step was last done.
/// A later request to any policy reuses it, so a switch to an MFA policy asks only for the phone step.
/// </summary>
internal sealed record DirectorySession(string UserId, DateTimeOffset AuthenticatedAt, DateTimeOffset? MfaAt, PhoneChannel? MfaChannel)
{
    public const string Scheme = "DevelopmentDirectory.Session";
    public const string CookieName = ".StepUp.DevelopmentDirectory.Session";

    private const string UserIdClaim = "sub";
    private const string AuthenticatedAtClaim = "dd_auth_at";
    private const string MfaAtClaim = "dd_mfa_at";
    private const string MfaChannelClaim = "dd_mfa_channel";

    public static async Task<DirectorySession?> ReadAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        if (!result.Succeeded || result.Principal.FindFirst(UserIdClaim)?.Value is not { Length: > 0 } userId ||
            ReadTime(result.Principal, AuthenticatedAtClaim) is not { } authenticatedAt)
        {
            return null;
        }

        var channel = result.Principal.FindFirst(MfaChannelClaim)?.Value switch
        {
            "sms" => PhoneChannel.Sms,
            "tel" => PhoneChannel.Voice,
            _ => (PhoneChannel?)null,
        };
        return new DirectorySession(userId, authenticatedAt, ReadTime(result.Principal, MfaAtClaim), channel);
    }

    public Task SignInAsync(HttpContext context)
    {
        var identity = new ClaimsIdentity(Scheme, UserIdClaim, null);
        identity.AddClaim(new Claim(UserIdClaim, UserId));
        identity.AddClaim(new Claim(AuthenticatedAtClaim, AuthenticatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        if (MfaAt is { } mfaAt && MfaChannel is { } channel)
        {
            identity.AddClaim(new Claim(MfaAtClaim, mfaAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(MfaChannelClaim, channel == PhoneChannel.Sms ? "sms" : "tel"));
        }

        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    private static DateTimeOffset? ReadTime(ClaimsPrincipal principal, string type) =>
        long.TryParse(principal.FindFirst(type)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}

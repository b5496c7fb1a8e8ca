using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore.Diagnostics;
using StepUp.AspNetCore.Store;
using StepUp.AspNetCore.Verification;

namespace StepUp.AspNetCore.Grants;

/// <summary>
/// Decides whether a principal has a fresh second factor, records in-app grants (store + re-issued session cookie) and
/// revokes them at sign-out.
/// </summary>
internal sealed class StepUpSessionManager(
    IStepUpStore store,
    IOptionsMonitor<StepUpOptions> options,
    TimeProvider time,
    IAuthenticationSchemeProvider schemes,
    ILogger<StepUpSessionManager> logger)
{
    /// <summary>The issuer of claims StepUp adds; directory checks ignore them.</summary>
    internal const string ClaimIssuer = "StepUp";

    // Inbound claim types as mapped by the framework's JWT handlers when MapInboundClaims is on.
    private const string MappedAmr = "http://schemas.microsoft.com/claims/authnmethodsreferences";
    private const string MappedAcr = "http://schemas.microsoft.com/claims/authnclassreference";

    public string? GetUserId(ClaimsPrincipal user)
    {
        foreach (var type in options.CurrentValue.UserIdClaimTypes)
        {
            if (user.FindFirst(type)?.Value is { Length: > 0 } id)
            {
                return id;
            }
        }

        return null;
    }

    public static string? GetSessionId(ClaimsPrincipal user) =>
        user.FindFirst(c => c.Type == StepUpClaimTypes.SessionId && c.Issuer == ClaimIssuer)?.Value ??
        user.FindFirst(StepUpClaimTypes.DirectorySessionId)?.Value;

    /// <summary>Whether the directory's own claims prove a second factor within <paramref name="maxAge"/>.</summary>
    public bool DirectorySatisfies(ClaimsPrincipal user, TimeSpan maxAge)
    {
        var current = options.CurrentValue;
        var mfa = false;
        foreach (var claim in user.Claims)
        {
            if (claim.Issuer == ClaimIssuer)
            {
                continue;
            }

            if ((claim.Type is StepUpClaimTypes.AuthenticationMethod or MappedAmr && Contains(current.DirectoryMfaMethods, claim.Value)) ||
                (claim.Type is StepUpClaimTypes.TrustFrameworkPolicy or StepUpClaimTypes.AuthenticationContextClass or MappedAcr &&
                 Contains(current.DirectoryMfaPolicies, claim.Value)))
            {
                mfa = true;
                break;
            }
        }

        return mfa && ReadUnixTime(user.FindFirst(c => c.Type == StepUpClaimTypes.AuthTime && c.Issuer != ClaimIssuer)) is { } authTime &&
            IsFresh(authTime, maxAge);
    }

    /// <summary>The live in-app grant of the principal's session that meets the requirement, or <see langword="null"/>.</summary>
    public async Task<StepUpGrant?> FindGrantAsync(ClaimsPrincipal user, TimeSpan maxAge, PhoneChannels channels, CancellationToken cancellationToken)
    {
        var stepUpTime = ReadUnixTime(user.FindFirst(c => c.Type == StepUpClaimTypes.StepUpTime && c.Issuer == ClaimIssuer));
        if (stepUpTime is { } claimed && !IsFresh(claimed, maxAge))
        {
            return null; // The session's own record is already too old: no store call needed.
        }

        if (GetUserId(user) is not { } userId || GetSessionId(user) is not { } sessionId)
        {
            return null;
        }

        var grant = await store.GetGrantAsync(userId, sessionId, null, cancellationToken).ConfigureAwait(false);
        return grant is not null && IsFresh(grant.VerifiedAt, maxAge) && channels.Allows(grant.Channel) ? grant : null;
    }

    /// <summary>Records the grant earned by <paramref name="result"/> and re-issues the session with the step-up claims.</summary>
    public async Task GrantAsync(HttpContext context, VerifyCodeResult result)
    {
        var user = context.User;
        var userId = GetUserId(user) ?? throw new InvalidOperationException("The signed-in user has no id claim (StepUp:UserIdClaimTypes).");
        var now = time.GetUtcNow();
        var sessionId = GetSessionId(user) ?? CodeGenerator.NewId();
        var verifiedAt = result.Phone?.VerifiedAt ?? now;
        await store.SaveGrantAsync(
            new StepUpGrant(userId, sessionId, result.TransactionDigest, result.Channel, verifiedAt, now + options.CurrentValue.GrantLifetime),
            context.RequestAborted).ConfigureAwait(false);
        logger.GrantRecorded(result.Channel, result.TransactionDigest is not null);

        await ReissueAsync(context, sessionId, result.TransactionDigest is null ? (result.Channel, verifiedAt) : null).ConfigureAwait(false);
    }

    /// <summary>Ends the grants of the principal's session (sign-out).</summary>
    public async Task RevokeAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (GetUserId(user) is { } userId && GetSessionId(user) is { } sessionId)
        {
            await store.RevokeGrantsAsync(userId, sessionId, cancellationToken).ConfigureAwait(false);
            logger.GrantsRevoked();
        }
    }

    private async Task ReissueAsync(HttpContext context, string sessionId, (PhoneChannel Channel, DateTimeOffset At)? stepUp)
    {
        var schemeName = options.CurrentValue.SignInScheme ?? (await schemes.GetDefaultSignInSchemeAsync().ConfigureAwait(false))?.Name;
        var scheme = schemeName is null ? null : await schemes.GetSchemeAsync(schemeName).ConfigureAwait(false);
        if (scheme is null || !typeof(IAuthenticationSignInHandler).IsAssignableFrom(scheme.HandlerType))
        {
            logger.SessionNotReissued(schemeName);
            return;
        }

        var authenticated = await context.AuthenticateAsync(scheme.Name).ConfigureAwait(false);
        if (!authenticated.Succeeded)
        {
            logger.SessionNotReissued(schemeName);
            return;
        }

        var source = authenticated.Principal;
        var identities = source.Identities.ToList();
        var primary = identities[0];
        var claims = primary.Claims.Where(c => c.Issuer != ClaimIssuer).ToList();
        claims.Add(new Claim(StepUpClaimTypes.SessionId, sessionId, ClaimValueTypes.String, ClaimIssuer));
        if (stepUp is { } s)
        {
            claims.Add(new Claim(StepUpClaimTypes.AuthenticationMethod, "mfa", ClaimValueTypes.String, ClaimIssuer));
            claims.Add(new Claim(StepUpClaimTypes.AuthenticationMethod, s.Channel == PhoneChannel.Sms ? "sms" : "tel", ClaimValueTypes.String, ClaimIssuer));
            claims.Add(new Claim(StepUpClaimTypes.StepUpTime, s.At.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64, ClaimIssuer));
        }
        else
        {
            // A transaction grant leaves the session's own step-up as it was.
            claims.AddRange(primary.Claims.Where(c => c.Issuer == ClaimIssuer && c.Type != StepUpClaimTypes.SessionId));
        }

        identities[0] = new ClaimsIdentity(claims, primary.AuthenticationType, primary.NameClaimType, primary.RoleClaimType);
        var principal = new ClaimsPrincipal(identities);
        await context.SignInAsync(scheme.Name, principal, authenticated.Properties).ConfigureAwait(false);
        context.User = principal;
    }

    private bool IsFresh(DateTimeOffset at, TimeSpan maxAge)
    {
        var now = time.GetUtcNow();
        return at <= now + TimeSpan.FromMinutes(5) && now - at <= maxAge;
    }

    private static bool Contains(IList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static DateTimeOffset? ReadUnixTime(Claim? claim) =>
        claim is not null && long.TryParse(claim.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) &&
        seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StepUp.OpenIdConnect.Diagnostics;
using StepUp.OpenIdConnect.Metadata;
using StepUp.OpenIdConnect.Results;
using StepUp.OpenIdConnect.Validation;

namespace StepUp.OpenIdConnect.Challenges;

/// <summary>
/// StepUp's part of the app's OpenID Connect events, for step-up round trips only (properties marked by
/// <see cref="OpenIdConnectStepUpChallenge"/>); every other sign-in passes through untouched.
/// </summary>
internal sealed class DirectoryCallbacks(
    IOptionsMonitor<OpenIdConnectRedirectOptions> options,
    StepUpTokenCheck check,
    DirectoryStepUpResults results,
    TimeProvider time,
    ILogger<DirectoryCallbacks> logger)
{
    /// <summary>Marks a session stepped up through the directory (issuer <c>StepUp</c>), so a renewed challenge moments later stops instead of looping.</summary>
    internal const string AcceptedAtClaim = "stepup_directory_time";
    internal const string ClaimIssuer = "StepUp";

    /// <summary>Points the challenge at the MFA policy (B2C) or adds <c>acr_values</c> (standard OIDC).</summary>
    public async Task RedirectToIdentityProviderAsync(RedirectContext context)
    {
        var current = options.CurrentValue;
        if (current.Dialect == DirectoryDialect.AzureAdB2C &&
            context.Properties.Items.TryGetValue(OpenIdConnectRedirectProperties.Policy, out var policy) && policy is not null &&
            context.Options.ConfigurationManager is PolicyConfigurationManager manager && manager.Knows(policy))
        {
            var configuration = await manager.For(policy).GetConfigurationAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
            context.ProtocolMessage.IssuerAddress = configuration.AuthorizationEndpoint;
            if (context.ProtocolMessage.Parameters.ContainsKey("p"))
            {
                context.ProtocolMessage.Parameters["p"] = policy;
            }

            logger.DirectoryChallengeIssued(current.Dialect, policy);
            return;
        }

        if (context.Properties.Items.TryGetValue(OpenIdConnectRedirectProperties.AcrValues, out var acr) && acr is not null)
        {
            context.ProtocolMessage.AcrValues = acr;
            logger.DirectoryChallengeIssued(current.Dialect, acr);
        }
    }

    /// <summary>At the callback of a B2C step-up, selects the MFA policy's metadata for code redemption and token validation.</summary>
    public static void MessageReceived(MessageReceivedContext context)
    {
        if (OpenIdConnectRedirectProperties.IsStepUp(context.Properties) &&
            context.Properties!.Items.TryGetValue(OpenIdConnectRedirectProperties.Policy, out var policy) && policy is not null &&
            context.Options.ConfigurationManager is PolicyConfigurationManager manager && manager.Knows(policy))
        {
            context.HttpContext.Items[PolicyConfigurationManager.PolicyItemKey] = policy;
        }
    }

    /// <summary>
    /// Checks the step-up token. When it does not prove MFA the sign-in ends here: the session stays as it was and the user
    /// is sent to the result page (handled here because a failed <see cref="TokenValidatedContext"/> loses its properties).
    /// </summary>
    public async Task<bool> TokenValidatedAsync(TokenValidatedContext context)
    {
        var current = options.CurrentValue;
        var (failure, presented) = context.SecurityToken is null || context.Principal is null
            ? (DirectoryStepUpOutcome.Failed, null)
            : check.Check(context.SecurityToken, context.Principal, context.Properties!);
        if (failure is { } outcome)
        {
            logger.DirectoryStepUpRejected(outcome, presented);
            await results.FailAsync(context.HttpContext, outcome, context.Properties?.RedirectUri).ConfigureAwait(false);
            context.HandleResponse();
            return false;
        }

        logger.DirectoryStepUpAccepted(current.Dialect, presented ?? string.Empty);
        return true;
    }

    /// <summary>Adds the loop-guard claim to the principal that will be signed in.</summary>
    public void MarkAccepted(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(
                AcceptedAtClaim,
                time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ClaimValueTypes.Integer64,
                ClaimIssuer));
        }
    }

    /// <summary>Cancel at the directory (<c>access_denied</c>): the "verification cancelled" page, nothing granted.</summary>
    public async Task AccessDeniedAsync(AccessDeniedContext context)
    {
        logger.DirectoryStepUpCancelled();
        await results.FailAsync(context.HttpContext, DirectoryStepUpOutcome.Cancelled, context.Properties?.RedirectUri).ConfigureAwait(false);
        context.HandleResponse();
    }

    /// <summary>Any other failure of a step-up round trip: a clear page, never the app's error page or a new redirect.</summary>
    public async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        logger.DirectoryStepUpFailed(context.Failure?.GetType().Name ?? "unknown");
        await results.FailAsync(context.HttpContext, DirectoryStepUpOutcome.Failed, context.Properties?.RedirectUri).ConfigureAwait(false);
        context.HandleResponse();
    }

    /// <summary>Whether <paramref name="user"/> was stepped up through the directory so recently that a new challenge would loop.</summary>
    public bool RecentlyAccepted(ClaimsPrincipal user, TimeSpan maxAge)
    {
        var claim = user.FindFirst(c => c.Type == AcceptedAtClaim && c.Issuer == ClaimIssuer);
        if (claim is null || !long.TryParse(claim.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
        {
            return false;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        var window = maxAge < OpenIdConnectRedirectDefaults.LoopGuardWindow ? maxAge : OpenIdConnectRedirectDefaults.LoopGuardWindow;
        return age >= TimeSpan.Zero && age <= window;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using StepUp.AspNetCore.Challenges;

namespace StepUp.AspNetCore.Authorization;

/// <summary>
/// Turns a forbidden result into a step-up challenge when the only unmet requirements are phone requirements and the user is
/// signed in; every other result goes to the app's (or the framework's) handler unchanged. A step-up never answers a
/// failure it could not fix, so there are no redirect loops.
/// </summary>
internal sealed class StepUpAuthorizationResultHandler(IAuthorizationMiddlewareResultHandler inner, StepUpChallengeWriter writer)
    : IAuthorizationMiddlewareResultHandler
{
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { } failure && TryGetReason(failure) is { } reason &&
            context.User.Identity?.IsAuthenticated == true)
        {
            return writer.ChallengeAsync(context, reason);
        }

        return inner.HandleAsync(next, context, policy, authorizeResult);
    }

    private static PhoneMfaFailureReason? TryGetReason(AuthorizationFailure failure)
    {
        PhoneMfaFailureReason? reason = null;
        foreach (var requirement in failure.FailedRequirements)
        {
            if (requirement is not PhoneMfaRequirement)
            {
                return null;
            }
        }

        foreach (var candidate in failure.FailureReasons)
        {
            if (candidate is not PhoneMfaFailureReason phone)
            {
                return null; // Another handler failed the request explicitly: a step-up would not fix it.
            }

            // Several phone requirements: answer the strictest one (store outage first).
            if (reason is null || phone.StoreUnavailable || (!reason.StoreUnavailable && phone.MaxAge < reason.MaxAge))
            {
                reason = phone;
            }
        }

        return reason;
    }
}

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
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { FailCalled: false } failure &&
            OnlyPhoneRequirementsFailed(failure) && context.User.Identity?.IsAuthenticated == true)
        {
            var shortfall = context.Items[typeof(PhoneMfaShortfall)] as PhoneMfaShortfall
                ?? writer.DefaultShortfall(failure.FailedRequirements.OfType<PhoneMfaRequirement>().First());
            return writer.ChallengeAsync(context, shortfall);
        }

        return inner.HandleAsync(next, context, policy, authorizeResult);
    }

    private static bool OnlyPhoneRequirementsFailed(AuthorizationFailure failure)
    {
        var any = false;
        foreach (var requirement in failure.FailedRequirements)
        {
            if (requirement is not PhoneMfaRequirement)
            {
                return false;
            }

            any = true;
        }

        return any;
    }
}

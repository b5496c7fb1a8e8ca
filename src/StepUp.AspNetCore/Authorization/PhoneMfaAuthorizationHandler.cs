using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore.Diagnostics;
using StepUp.AspNetCore.Grants;
using StepUp.AspNetCore.Store;

namespace StepUp.AspNetCore.Authorization;

/// <summary>
/// Succeeds a <see cref="PhoneMfaRequirement"/> when the user has a fresh second factor: MFA claims from the directory, or a
/// live in-app grant for this session. Policies without the requirement pass through without a store call or an allocation.
/// </summary>
internal sealed class PhoneMfaAuthorizationHandler(
    StepUpSessionManager sessions,
    IOptionsMonitor<StepUpOptions> options,
    ILogger<PhoneMfaAuthorizationHandler> logger) : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Requirements is IReadOnlyList<IAuthorizationRequirement> list)
        {
            // The usual case, one phone requirement, goes straight to it: no copy of the list, no extra state machine.
            PhoneMfaRequirement? first = null;
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is PhoneMfaRequirement requirement)
                {
                    if (first is not null)
                    {
                        return HandleAllAsync(context);
                    }

                    first = requirement;
                }
            }

            return first is null ? Task.CompletedTask : HandleRequirementAsync(context, first);
        }

        return context.Requirements.Any(r => r is PhoneMfaRequirement) ? HandleAllAsync(context) : Task.CompletedTask;
    }

    private async Task HandleAllAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.Requirements.OfType<PhoneMfaRequirement>().ToList())
        {
            await HandleRequirementAsync(context, requirement).ConfigureAwait(false);
        }
    }

    private async Task HandleRequirementAsync(AuthorizationHandlerContext context, PhoneMfaRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return; // Left pending: the framework challenges for sign-in first.
        }

        var current = options.CurrentValue;
        var maxAge = requirement.EffectiveMaxAge(current);
        if (sessions.DirectorySatisfies(user, maxAge))
        {
            logger.RequirementSatisfied("directory");
            context.Succeed(requirement);
            return;
        }

        var httpContext = context.Resource as HttpContext;
        var cancellationToken = httpContext?.RequestAborted ?? default;
        try
        {
            if (await sessions.FindGrantAsync(user, maxAge, requirement.EffectiveChannels(current), cancellationToken).ConfigureAwait(false) is not null)
            {
                logger.RequirementSatisfied("in-app grant");
                context.Succeed(requirement);
                return;
            }
        }
        catch (StepUpStoreException ex)
        {
            logger.StoreUnavailable(ex);
            Explain(httpContext, new PhoneMfaShortfall(requirement, maxAge, StoreUnavailable: true));
            return;
        }

        Explain(httpContext, new PhoneMfaShortfall(requirement, maxAge, StoreUnavailable: false));
    }

    // The requirement is left pending rather than failed with context.Fail(): an explicit failure would hide the
    // other unmet requirements from the result handler, which must never step up when another requirement also failed.
    private static void Explain(HttpContext? httpContext, PhoneMfaShortfall reason)
    {
        if (httpContext is null)
        {
            return;
        }

        if (httpContext.Items[typeof(PhoneMfaShortfall)] is not PhoneMfaShortfall previous || reason.StoreUnavailable ||
            (!previous.StoreUnavailable && reason.MaxAge < previous.MaxAge))
        {
            httpContext.Items[typeof(PhoneMfaShortfall)] = reason;
        }
    }
}

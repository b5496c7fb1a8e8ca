using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Challenges;
using StepUp.OpenIdConnect.Diagnostics;
using StepUp.OpenIdConnect.Metadata;
using StepUp.OpenIdConnect.Results;
using StepUp.OpenIdConnect.Validation;

namespace StepUp.OpenIdConnect.Challenges;

/// <summary>
/// The browser challenge of <see cref="StepUpMode.DirectoryRedirect"/> requirements: an OpenID Connect challenge on the app's
/// scheme, marked as a step-up in its (protected) state with the policy or <c>acr_values</c>, the max age and the account.
/// Right after an accepted step-up that still does not satisfy the requirement it stops instead of redirecting again.
/// </summary>
internal sealed class OpenIdConnectStepUpChallenge(
    IOptionsMonitor<OpenIdConnectRedirectOptions> options,
    IOptionsMonitor<StepUpOptions> stepUp,
    DirectoryCallbacks callbacks,
    DirectoryStepUpResults results,
    ILogger<OpenIdConnectStepUpChallenge> logger) : IDirectoryStepUpChallenge
{
    public async Task ChallengeAsync(HttpContext httpContext, PhoneMfaRequirement requirement, TimeSpan maxAge, string returnUrl)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var current = options.CurrentValue;
        if (callbacks.RecentlyAccepted(httpContext.User, maxAge))
        {
            logger.DirectoryLoopPrevented();
            await results.FailAsync(httpContext, DirectoryStepUpOutcome.NotRecognised, returnUrl).ConfigureAwait(false);
            return;
        }

        var properties = new AuthenticationProperties { RedirectUri = DirectoryStepUpResults.IsLocal(returnUrl) ? returnUrl : "/" };
        properties.Items[OpenIdConnectRedirectProperties.Marker] = "1";
        OpenIdConnectRedirectProperties.SetMaxAge(properties, maxAge);
        if (StepUpTokenCheck.UserId(httpContext.User, stepUp.CurrentValue) is { } userId)
        {
            properties.Items[OpenIdConnectRedirectProperties.UserId] = userId;
        }

        if (current.Dialect == DirectoryDialect.AzureAdB2C)
        {
            properties.Items[OpenIdConnectRedirectProperties.Policy] = current.MfaPolicy;
            httpContext.Items[PolicyConfigurationManager.PolicyItemKey] = current.MfaPolicy;
        }
        else
        {
            properties.Items[OpenIdConnectRedirectProperties.AcrValues] = current.EffectiveAcrValues(stepUp.CurrentValue);
        }

        if (current.SendMaxAge)
        {
            properties.SetParameter<TimeSpan?>(OpenIdConnectParameterNames.MaxAge, maxAge);
        }

        if (current.Prompt is { } prompt)
        {
            properties.SetParameter(OpenIdConnectParameterNames.Prompt, prompt);
        }

        await httpContext.ChallengeAsync(current.Scheme, properties).ConfigureAwait(false);
    }
}

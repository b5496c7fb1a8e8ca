using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore.Diagnostics;
using StepUp.AspNetCore.Store;

namespace StepUp.AspNetCore.Grants;

/// <summary>
/// Ends the session's step-up grants in the store when a cookie scheme signs out, so a copy of the cookie kept elsewhere no
/// longer counts. Wraps the app's own <c>OnSigningOut</c> handler and calls it first.
/// </summary>
internal sealed class RevokeGrantsOnSignOut(StepUpSessionManager sessions, ILogger<RevokeGrantsOnSignOut> logger)
    : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        options.Events ??= new CookieAuthenticationEvents();
        var appHandler = options.Events.OnSigningOut;
        options.Events.OnSigningOut = async context =>
        {
            await appHandler(context).ConfigureAwait(false);
            try
            {
                await sessions.RevokeAsync(context.HttpContext.User, context.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (StepUpStoreException ex)
            {
                // Sign-out itself must work; the grant then ends with its lifetime.
                logger.StoreUnavailable(ex);
            }
        };
    }
}

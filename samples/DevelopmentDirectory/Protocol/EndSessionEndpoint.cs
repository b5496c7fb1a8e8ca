using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;
using StepUp.DevelopmentDirectory.Sessions;

namespace StepUp.DevelopmentDirectory.Protocol;

/// <summary>The logout endpoint of every policy: ends the SSO session, then returns to the client's post-logout URI.</summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http)
    {
        await DirectorySession.SignOutAsync(http);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}

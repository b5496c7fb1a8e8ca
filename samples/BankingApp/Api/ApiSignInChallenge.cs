using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace BankingApp.Api;

/// <summary>A JSON API call without a session is answered with 401, not redirected to the directory's sign-in page.</summary>
public static class ApiSignInChallenge
{
    /// <summary>For <c>OpenIdConnectEvents.OnRedirectToIdentityProvider</c>: answers 401 for <c>/api</c> and <c>/stepup/api</c>.</summary>
    public static Task AnswerApiCallsWith401(RedirectContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/stepup/api"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.HandleResponse();
        }

        return Task.CompletedTask;
    }
}

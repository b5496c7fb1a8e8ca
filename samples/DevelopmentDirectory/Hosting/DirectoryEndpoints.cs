using StepUp.DevelopmentDirectory.Protocol;
using StepUp.DevelopmentDirectory.Ui;

namespace StepUp.DevelopmentDirectory.Hosting;

/// <summary>The directory's routes: per-policy protocol endpoints (both URL shapes) and the UI.</summary>
internal static class DirectoryEndpoints
{
    public static void Map(WebApplication app)
    {
        string[] getPost = [HttpMethods.Get, HttpMethods.Post];
        foreach (var prefix in new[] { "/{tenant}/{policy}/", "/{tenant}/" })
        {
            app.MapMethods(prefix + DirectoryPaths.Authorize, getPost, (HttpContext http, AuthorizeEndpoint endpoint) => endpoint.HandleAsync(http));
            app.MapPost(prefix + DirectoryPaths.Token, (HttpContext http, TokenEndpoint endpoint) => endpoint.HandleAsync(http));
            app.MapMethods(prefix + DirectoryPaths.Logout, getPost, (Delegate)EndSessionEndpoint.HandleAsync);
        }

        app.MapGet("/", (HomePages pages) => pages.Home());
        app.MapGet(DirectoryPaths.Outbox, (HomePages pages) => pages.Outbox());
        app.MapGet(DirectoryPaths.SignIn, (HttpContext http, string? returnUrl, SignInPages pages) => pages.Get(http, returnUrl));
        app.MapPost(DirectoryPaths.SignIn, (HttpContext http, SignInPages pages) => pages.PostAsync(http));
        app.MapPost(DirectoryPaths.Social, (HttpContext http, SignInPages pages) => pages.PostSocialAsync(http));
        app.MapGet(DirectoryPaths.SignUp, (HttpContext http, string? returnUrl, SignUpPages pages) => pages.Get(http, returnUrl));
        app.MapPost(DirectoryPaths.SignUp, (HttpContext http, SignUpPages pages) => pages.PostAsync(http));
        app.MapGet(DirectoryPaths.PasswordReset, (HttpContext http, string? returnUrl, PasswordResetPages pages) => pages.Get(http, returnUrl));
        app.MapPost(DirectoryPaths.PasswordReset, (HttpContext http, PasswordResetPages pages) => pages.PostAsync(http));
        app.MapGet(DirectoryPaths.Phone, (HttpContext http, string? returnUrl, string? flow, PhonePages pages) => pages.GetAsync(http, returnUrl, flow));
        app.MapPost(DirectoryPaths.Phone, (HttpContext http, PhonePages pages) => pages.PostAsync(http));
        app.MapGet(DirectoryPaths.Profile, (HttpContext http, string? returnUrl, ProfilePages pages) => pages.GetAsync(http, returnUrl));
        app.MapPost(DirectoryPaths.Profile, (HttpContext http, ProfilePages pages) => pages.PostAsync(http));
    }
}

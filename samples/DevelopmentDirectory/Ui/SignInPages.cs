using Microsoft.AspNetCore.Antiforgery;
using StepUp.DevelopmentDirectory.Accounts;
using StepUp.DevelopmentDirectory.Protocol;
using StepUp.DevelopmentDirectory.Sessions;

namespace StepUp.DevelopmentDirectory.Ui;

/// <summary>Sign in with a local account (name and password) or the demo social account; a new SSO session starts.</summary>
internal sealed class SignInPages(ReturnUrls returnUrls, DirectoryUserStore users, IAntiforgery antiforgery, DevelopmentDirectoryOptions options)
{
    public IResult Get(HttpContext http, string? returnUrl) =>
        returnUrls.Validate(returnUrl) is { } policy ? Render(http, policy, returnUrl!, null, null) : ReturnUrls.Invalid();

    public async Task<IResult> PostAsync(HttpContext http)
    {
        if (await FormPost.ReadAsync(http, antiforgery) is not { } form)
        {
            return FormPost.Rejected();
        }

        var returnUrl = form["returnUrl"].ToString();
        if (returnUrls.Validate(returnUrl) is not { } policy)
        {
            return ReturnUrls.Invalid();
        }

        var userName = form["username"].ToString();
        var user = userName.Length is > 0 and <= 64 && form["password"].ToString() is { Length: > 0 and <= 128 } password
            ? users.CheckPassword(userName, password)
            : null;
        if (user is null)
        {
            return Render(http, policy, returnUrl, userName, "The user name or password is incorrect.", StatusCodes.Status400BadRequest);
        }

        await new DirectorySession(user.Id, options.TimeProvider.GetUtcNow(), null, null).SignInAsync(http);
        return Results.Redirect(returnUrl);
    }

    public async Task<IResult> PostSocialAsync(HttpContext http)
    {
        if (await FormPost.ReadAsync(http, antiforgery) is not { } form)
        {
            return FormPost.Rejected();
        }

        var returnUrl = form["returnUrl"].ToString();
        if (returnUrls.Validate(returnUrl) is null)
        {
            return ReturnUrls.Invalid();
        }

        await new DirectorySession(users.SocialUser.Id, options.TimeProvider.GetUtcNow(), null, null).SignInAsync(http);
        return Results.Redirect(returnUrl);
    }

    private IResult Render(HttpContext http, DirectoryPolicy policy, string returnUrl, string? userName, string? error, int status = StatusCodes.Status200OK)
    {
        var signUp = policy.Kind == DirectoryPolicyKind.SignUpSignIn
            ? $"<p>Don't have an account? {Html.Link(ReturnUrls.To(DirectoryPaths.SignUp, returnUrl), "Sign up now")}</p>"
            : string.Empty;
        var body = Html.Alert(error) +
            "<p>Sign in with your account.</p>" +
            Html.Form(http, antiforgery, DirectoryPaths.SignIn,
                Html.Hidden("returnUrl", returnUrl) +
                Html.Field("username", "User name", value: userName, autocomplete: "username") +
                Html.Field("password", "Password", "password", autocomplete: "current-password") +
                Html.Button("Sign in")) +
            signUp +
            "<p>Or sign in with your social account:</p>" +
            Html.Form(http, antiforgery, DirectoryPaths.Social, Html.Hidden("returnUrl", returnUrl) + Html.Button($"Continue as {options.SocialDisplayName} (social)", secondary: true)) +
            $"<p>{Html.Link(ReturnUrls.Cancel(returnUrl), "Cancel")}</p>";
        return Html.Page("Sign in", body, status);
    }
}

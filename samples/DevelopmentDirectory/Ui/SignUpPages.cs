using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using StepUp.DevelopmentDirectory.Accounts;
using StepUp.DevelopmentDirectory.Protocol;
using StepUp.DevelopmentDirectory.Sessions;

namespace StepUp.DevelopmentDirectory.Ui;

/// <summary>Creates a local account and signs it in; an MFA policy then asks for the phone (the account already exists).</summary>
internal sealed partial class SignUpPages(ReturnUrls returnUrls, DirectoryUserStore users, IAntiforgery antiforgery, DevelopmentDirectoryOptions options)
{
    public IResult Get(HttpContext http, string? returnUrl) =>
        returnUrls.Validate(returnUrl) is { Kind: DirectoryPolicyKind.SignUpSignIn } ? Render(http, returnUrl!, null, null, null) : ReturnUrls.Invalid();

    public async Task<IResult> PostAsync(HttpContext http)
    {
        if (await FormPost.ReadAsync(http, antiforgery) is not { } form)
        {
            return FormPost.Rejected();
        }

        var returnUrl = form["returnUrl"].ToString();
        if (returnUrls.Validate(returnUrl) is not { Kind: DirectoryPolicyKind.SignUpSignIn })
        {
            return ReturnUrls.Invalid();
        }

        var userName = form["username"].ToString().Trim();
        var displayName = form["displayName"].ToString().Trim();
        var password = form["password"].ToString();
        string? error = null;
        if (!UserNamePattern().IsMatch(userName))
        {
            error = "Choose a user name of 3 to 32 letters, digits, dots, dashes or underscores.";
        }
        else if (displayName.Length is < 1 or > 64)
        {
            error = "Enter a display name of 1 to 64 characters.";
        }
        else if (password.Length is < 8 or > 128)
        {
            error = "Choose a password of 8 to 128 characters.";
        }
        else if (password != form["confirmPassword"].ToString())
        {
            error = "The passwords do not match.";
        }

        var user = error is null ? users.Create(userName, password, displayName) : null;
        if (user is null)
        {
            return Render(http, returnUrl, userName, displayName, error ?? "That user name is taken. Choose another one.", StatusCodes.Status400BadRequest);
        }

        await new DirectorySession(user.Id, options.TimeProvider.GetUtcNow(), null, null).SignInAsync(http);
        return Results.Redirect(returnUrl);
    }

    private IResult Render(HttpContext http, string returnUrl, string? userName, string? displayName, string? error, int status = StatusCodes.Status200OK) =>
        Html.Page("Create your account",
            Html.Alert(error) +
            Html.Form(http, antiforgery, DirectoryPaths.SignUp,
                Html.Hidden("returnUrl", returnUrl) +
                Html.Field("username", "User name", value: userName, autocomplete: "username") +
                Html.Field("displayName", "Display name", value: displayName, autocomplete: "name") +
                Html.Field("password", "Password", "password", autocomplete: "new-password") +
                Html.Field("confirmPassword", "Confirm password", "password", autocomplete: "new-password") +
                Html.Button("Create")) +
            $"<p>{Html.Link(ReturnUrls.Cancel(returnUrl), "Cancel")}</p>",
            status);

    [GeneratedRegex("^[A-Za-z0-9._-]{3,32}$")]
    private static partial Regex UserNamePattern();
}

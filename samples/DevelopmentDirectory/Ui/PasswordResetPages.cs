using Microsoft.AspNetCore.Antiforgery;
using StepUp.DevelopmentDirectory.Accounts;
using StepUp.DevelopmentDirectory.Protocol;
using StepUp.DevelopmentDirectory.Sessions;

namespace StepUp.DevelopmentDirectory.Ui;

/// <summary>
/// Sets a new password for a local account and signs it in (an MFA reset policy then asks for the phone). Development
/// only: the real directory first proves the user owns the account's e-mail address; this one does not.
/// </summary>
internal sealed class PasswordResetPages(ReturnUrls returnUrls, DirectoryUserStore users, IAntiforgery antiforgery, DevelopmentDirectoryOptions options)
{
    public IResult Get(HttpContext http, string? returnUrl) =>
        returnUrls.Validate(returnUrl) is { Kind: DirectoryPolicyKind.PasswordReset } ? Render(http, returnUrl!, null, null) : ReturnUrls.Invalid();

    public async Task<IResult> PostAsync(HttpContext http)
    {
        if (await FormPost.ReadAsync(http, antiforgery) is not { } form)
        {
            return FormPost.Rejected();
        }

        var returnUrl = form["returnUrl"].ToString();
        if (returnUrls.Validate(returnUrl) is not { Kind: DirectoryPolicyKind.PasswordReset })
        {
            return ReturnUrls.Invalid();
        }

        var userName = form["username"].ToString();
        var password = form["password"].ToString();
        var user = userName.Length is > 0 and <= 64 ? users.FindByUserName(userName) : null;
        string? error = null;
        if (user?.PasswordHash is null)
        {
            error = "We can't find a local account with that user name.";
        }
        else if (password.Length is < 8 or > 128)
        {
            error = "Choose a password of 8 to 128 characters.";
        }
        else if (password != form["confirmPassword"].ToString())
        {
            error = "The passwords do not match.";
        }

        if (error is not null || user is null)
        {
            return Render(http, returnUrl, userName, error, StatusCodes.Status400BadRequest);
        }

        users.SetPassword(user, password);
        await new DirectorySession(user.Id, options.TimeProvider.GetUtcNow(), null, null).SignInAsync(http);
        return Results.Redirect(ReturnUrls.With(returnUrl, DirectoryPaths.DoneParameter, "reset"));
    }

    private IResult Render(HttpContext http, string returnUrl, string? userName, string? error, int status = StatusCodes.Status200OK) =>
        Html.Page("Reset your password",
            Html.Alert(error) +
            Html.Form(http, antiforgery, DirectoryPaths.PasswordReset,
                Html.Hidden("returnUrl", returnUrl) +
                Html.Field("username", "User name", value: userName, autocomplete: "username") +
                Html.Field("password", "New password", "password", autocomplete: "new-password") +
                Html.Field("confirmPassword", "Confirm new password", "password", autocomplete: "new-password") +
                Html.Button("Reset password")) +
            $"<p>{Html.Link(ReturnUrls.Cancel(returnUrl), "Cancel")}</p>",
            status);
}

using Microsoft.AspNetCore.Antiforgery;
using StepUp.AspNetCore.Verification;
using StepUp.DevelopmentDirectory.Accounts;
using StepUp.DevelopmentDirectory.Protocol;
using StepUp.DevelopmentDirectory.Sessions;

namespace StepUp.DevelopmentDirectory.Ui;

/// <summary>Profile editing: the display name, and the attached phone (changing it first verifies the current one).</summary>
internal sealed class ProfilePages(ReturnUrls returnUrls, DirectoryUserStore users, PhoneVerificationService verification, IAntiforgery antiforgery)
{
    public async Task<IResult> GetAsync(HttpContext http, string? returnUrl)
    {
        if (returnUrls.Validate(returnUrl) is not { Kind: DirectoryPolicyKind.ProfileEdit })
        {
            return ReturnUrls.Invalid();
        }

        if (await DirectorySession.ReadAsync(http) is not { } session || users.Find(session.UserId) is not { } user)
        {
            return Results.Redirect(returnUrl!);
        }

        return await RenderAsync(http, user, returnUrl!, null, null);
    }

    public async Task<IResult> PostAsync(HttpContext http)
    {
        if (await FormPost.ReadAsync(http, antiforgery) is not { } form)
        {
            return FormPost.Rejected();
        }

        var returnUrl = form["returnUrl"].ToString();
        if (returnUrls.Validate(returnUrl) is not { Kind: DirectoryPolicyKind.ProfileEdit })
        {
            return ReturnUrls.Invalid();
        }

        if (await DirectorySession.ReadAsync(http) is not { } session || users.Find(session.UserId) is not { } user)
        {
            return Results.Redirect(returnUrl);
        }

        if (form["action"] == "continue")
        {
            return Results.Redirect(ReturnUrls.With(returnUrl, DirectoryPaths.DoneParameter, "profile"));
        }

        var displayName = form["displayName"].ToString().Trim();
        if (displayName.Length is < 1 or > 64)
        {
            return await RenderAsync(http, user, returnUrl, "Enter a display name of 1 to 64 characters.", null, StatusCodes.Status400BadRequest);
        }

        user.DisplayName = displayName;
        return await RenderAsync(http, user, returnUrl, null, "Your profile is saved.");
    }

    private async Task<IResult> RenderAsync(HttpContext http, DirectoryUser user, string returnUrl, string? error, string? notice, int status = StatusCodes.Status200OK)
    {
        var state = await verification.GetStateAsync(user.Id, http.RequestAborted);
        var phone = state.MaskedPhoneNumber is { } masked
            ? $"<p>Phone: <span class=\"phone\">{Html.E(masked)}</span> — {Html.Link(ReturnUrls.To(DirectoryPaths.Phone, returnUrl, "change"), "Change phone number")}</p>"
            : $"<p>No phone is attached. {Html.Link(ReturnUrls.To(DirectoryPaths.Phone, returnUrl, "change"), "Add a phone number")}</p>";
        var body = Html.Notice(notice) + Html.Alert(error) +
            Html.Form(http, antiforgery, DirectoryPaths.Profile,
                Html.Hidden("returnUrl", returnUrl) + Html.Field("displayName", "Display name", value: user.DisplayName, autocomplete: "name") +
                Html.Button("Save", "action", "save", secondary: true)) +
            phone +
            Html.Form(http, antiforgery, DirectoryPaths.Profile, Html.Hidden("returnUrl", returnUrl) + Html.Button("Continue", "action", "continue")) +
            $"<p>{Html.Link(ReturnUrls.Cancel(returnUrl), "Cancel")}</p>";
        return Html.Page("Edit your profile", body, status);
    }
}

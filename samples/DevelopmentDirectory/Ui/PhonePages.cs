using Microsoft.AspNetCore.Antiforgery;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Store;
using StepUp.AspNetCore.Verification;
using StepUp.DevelopmentDirectory.Protocol;
using StepUp.DevelopmentDirectory.Sessions;

namespace StepUp.DevelopmentDirectory.Ui;

/// <summary>
/// The phone step, on StepUp's own engine (<see cref="PhoneVerificationService"/>) and store. Flow <c>mfa</c>: a verified
/// phone is verified again; without one the user enters a number, verifies it, and it is attached. Flow <c>change</c>
/// (profile editing): the current phone is verified first, then the new one replaces it. Cancel attaches nothing.
/// </summary>
internal sealed class PhonePages(ReturnUrls returnUrls, PhoneVerificationService verification, IAntiforgery antiforgery, DevelopmentDirectoryOptions options)
{
    private const string ChangeFlow = "change";
    private static readonly TimeSpan ChangeWindow = TimeSpan.FromMinutes(5);

    public async Task<IResult> GetAsync(HttpContext http, string? returnUrl, string? flow)
    {
        if (returnUrls.Validate(returnUrl) is null)
        {
            return ReturnUrls.Invalid();
        }

        if (await DirectorySession.ReadAsync(http) is not { } session)
        {
            return Results.Redirect(returnUrl!);
        }

        return await RenderAsync(http, session, returnUrl!, flow == ChangeFlow, null, null);
    }

    public async Task<IResult> PostAsync(HttpContext http)
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

        if (await DirectorySession.ReadAsync(http) is not { } session)
        {
            return Results.Redirect(returnUrl);
        }

        var change = form["flow"] == ChangeFlow;
        var here = ReturnUrls.To(DirectoryPaths.Phone, returnUrl, change ? ChangeFlow : null);
        var state = await verification.GetStateAsync(session.UserId, http.RequestAborted);
        var purpose = Purpose(state, session, change);
        switch (form["action"].ToString())
        {
            case "cancel":
                await verification.CancelAsync(session.UserId, http.RequestAborted);
                return Results.Redirect(change ? ReturnUrls.To(DirectoryPaths.Profile, returnUrl) : ReturnUrls.Cancel(returnUrl));

            case "send":
                var channel = form["channel"] == "voice" ? PhoneChannel.Voice : PhoneChannel.Sms;
                var started = await verification.StartAsync(
                    new StartVerificationRequest
                    {
                        UserId = session.UserId,
                        Purpose = purpose,
                        Channel = channel,
                        PhoneNumber = purpose == ChallengePurpose.StepUp ? null : form["phone"].ToString(),
                        ClientAddress = http.Connection.RemoteIpAddress,
                        Origin = http.Request.Host.Host,
                        HttpContext = http,
                    },
                    http.RequestAborted);
                if (started.Succeeded)
                {
                    return Results.Redirect(here);
                }

                var status = started.Status switch
                {
                    StartVerificationStatus.RateLimited => StatusCodes.Status429TooManyRequests,
                    StartVerificationStatus.DeliveryFailed => StatusCodes.Status503ServiceUnavailable,
                    _ => StatusCodes.Status400BadRequest,
                };
                return await RenderAsync(http, session, returnUrl, change, started.Message, null, status, form["phone"]);

            case "verify":
                var verified = await verification.VerifyAsync(
                    new VerifyCodeRequest { UserId = session.UserId, ChallengeId = form["challengeId"].ToString(), Code = form["code"].ToString(), HttpContext = http },
                    http.RequestAborted);
                if (!verified.Succeeded)
                {
                    var failed = verified.Status == VerifyCodeStatus.TooManyAttempts ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
                    return await RenderAsync(http, session, returnUrl, change, verified.Message, null, failed);
                }

                await (session with { MfaAt = options.TimeProvider.GetUtcNow(), MfaChannel = verified.Channel }).SignInAsync(http);
                if (!change)
                {
                    return Results.Redirect(returnUrl);
                }

                // Changing the phone: after the current one is verified, ask for the new one; after that, back to the profile.
                return Results.Redirect(verified.Purpose == ChallengePurpose.StepUp ? here : ReturnUrls.To(DirectoryPaths.Profile, returnUrl));

            default:
                return await RenderAsync(http, session, returnUrl, change, "Choose what to do.", null, StatusCodes.Status400BadRequest);
        }
    }

    private ChallengePurpose Purpose(PhoneVerificationState state, DirectorySession session, bool change)
    {
        if (!state.HasVerifiedPhone)
        {
            return ChallengePurpose.Enrollment;
        }

        if (!change)
        {
            return ChallengePurpose.StepUp;
        }

        var recentlyVerified = session.MfaAt is { } at && options.TimeProvider.GetUtcNow() - at <= ChangeWindow;
        return recentlyVerified ? ChallengePurpose.ChangePhone : ChallengePurpose.StepUp;
    }

    private async Task<IResult> RenderAsync(
        HttpContext http, DirectorySession session, string returnUrl, bool change, string? error, string? notice, int status = StatusCodes.Status200OK, string? typed = null)
    {
        var state = await verification.GetStateAsync(session.UserId, http.RequestAborted);
        var purpose = Purpose(state, session, change);
        var common = Html.Hidden("returnUrl", returnUrl) + (change ? Html.Hidden("flow", ChangeFlow) : string.Empty);
        var channels =
            "<fieldset><legend>How should we send the code?</legend>" +
            "<label><input type=\"radio\" name=\"channel\" value=\"sms\" checked> Text message</label>" +
            "<label><input type=\"radio\" name=\"channel\" value=\"voice\"> Phone call</label></fieldset>";
        string title;
        string body;
        if (state.Pending is { } pending && pending.Purpose == purpose)
        {
            title = "Enter your code";
            var how = pending.Channel == PhoneChannel.Sms ? "by text message" : "by phone call";
            body = Html.Notice(notice) + Html.Alert(error) +
                $"<p>We sent a code {how} to <span class=\"phone\">{Html.E(pending.MaskedPhoneNumber)}</span>.</p>" +
                Html.Form(http, antiforgery, DirectoryPaths.Phone,
                    common + Html.Hidden("challengeId", pending.ChallengeId) +
                    "<p><label for=\"code\">Code</label><input id=\"code\" name=\"code\" type=\"text\" inputmode=\"numeric\" autocomplete=\"one-time-code\"></p>" +
                    Html.Button("Verify code", "action", "verify")) +
                "<h2>Didn't get it?</h2>" +
                Html.Form(http, antiforgery, DirectoryPaths.Phone,
                    common +
                    (purpose == ChallengePurpose.StepUp ? string.Empty : Html.Field("phone", "Phone number", "tel", typed, "tel")) +
                    channels + Html.Button("Send a new code", "action", "send", secondary: true));
        }
        else if (purpose == ChallengePurpose.StepUp)
        {
            title = change ? "First, verify your current phone" : "Verify your phone";
            body = Html.Alert(error) +
                $"<p>We will send a code to <span class=\"phone\">{Html.E(state.MaskedPhoneNumber)}</span>.</p>" +
                Html.Form(http, antiforgery, DirectoryPaths.Phone, common + channels + Html.Button("Send code", "action", "send"));
        }
        else
        {
            title = purpose == ChallengePurpose.ChangePhone ? "Enter your new phone number" : "Add a phone number";
            body = Html.Alert(error) +
                "<p>We will send a code to this number to check it is yours. It is then attached to your account.</p>" +
                Html.Form(http, antiforgery, DirectoryPaths.Phone,
                    common + Html.Field("phone", "Phone number (with country code, e.g. +31 6 12345678)", "tel", typed, "tel") + channels +
                    Html.Button("Send code", "action", "send"));
        }

        body += Html.Form(http, antiforgery, DirectoryPaths.Phone, common + Html.Button("Cancel", "action", "cancel", secondary: true));
        return Html.Page(title, body, status);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace StepUp.OpenIdConnect.Results;

/// <summary>Answers an unsuccessful round trip: the app's <c>OnStepUpFailed</c> first, else a redirect to StepUp's result page.</summary>
internal sealed class DirectoryStepUpResults(IOptionsMonitor<OpenIdConnectRedirectOptions> options)
{
    public async Task FailAsync(HttpContext http, DirectoryStepUpOutcome outcome, string? returnUrl)
    {
        var current = options.CurrentValue;
        var safeReturnUrl = IsLocal(returnUrl) ? returnUrl! : "/";
        var context = new DirectoryStepUpFailedContext { HttpContext = http, Outcome = outcome, ReturnUrl = safeReturnUrl };
        await current.Events.StepUpFailed(context).ConfigureAwait(false);
        if (context.Handled)
        {
            return;
        }

        http.Response.Redirect(http.Request.PathBase + current.ResultPath + "?outcome=" + Code(outcome) + "&returnUrl=" + Uri.EscapeDataString(safeReturnUrl));
    }

    public static string Code(DirectoryStepUpOutcome outcome) => outcome switch
    {
        DirectoryStepUpOutcome.Cancelled => "cancelled",
        DirectoryStepUpOutcome.NotVerified => "not-verified",
        DirectoryStepUpOutcome.TooOld => "too-old",
        DirectoryStepUpOutcome.OtherAccount => "other-account",
        DirectoryStepUpOutcome.NotRecognised => "not-recognised",
        _ => "failed",
    };

    public static DirectoryStepUpOutcome? Parse(string? code) => code switch
    {
        "cancelled" => DirectoryStepUpOutcome.Cancelled,
        "not-verified" => DirectoryStepUpOutcome.NotVerified,
        "too-old" => DirectoryStepUpOutcome.TooOld,
        "other-account" => DirectoryStepUpOutcome.OtherAccount,
        "not-recognised" => DirectoryStepUpOutcome.NotRecognised,
        "failed" => DirectoryStepUpOutcome.Failed,
        _ => null,
    };

    /// <summary>A local URL: starts with one <c>/</c>, no scheme, no backslash.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) &&
        !url.Contains('\\', StringComparison.Ordinal) && !url.Any(char.IsControl);
}

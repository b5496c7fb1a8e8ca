using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace StepUp.OpenIdConnect.Results;

/// <summary>
/// The page behind <see cref="OpenIdConnectRedirectOptions.ResultPath"/>: says in plain words why the phone verification
/// at the directory did not count, and offers to try again. Fixed texts per outcome; the only input shown is a local link.
/// </summary>
internal static class DirectoryStepUpResultPage
{
    public static Task WriteAsync(HttpContext http)
    {
        var outcome = DirectoryStepUpResults.Parse(http.Request.Query["outcome"].ToString()) ?? DirectoryStepUpOutcome.Failed;
        var returnUrl = http.Request.Query["returnUrl"].ToString();
        var home = http.Request.PathBase.HasValue ? http.Request.PathBase.Value! : "/";
        if (!DirectoryStepUpResults.IsLocal(returnUrl))
        {
            returnUrl = home;
        }

        var (title, text) = outcome switch
        {
            DirectoryStepUpOutcome.Cancelled => (
                "Verification cancelled",
                "You cancelled the phone verification. Nothing was changed and this page stays locked until you verify your phone."),
            DirectoryStepUpOutcome.NotVerified => (
                "Phone verification not confirmed",
                "The sign-in service did not confirm a phone verification (text message or call), so this page stays locked."),
            DirectoryStepUpOutcome.TooOld => (
                "Verification too old",
                "The sign-in service returned a verification that is too old for this page. Try again to verify your phone now."),
            DirectoryStepUpOutcome.OtherAccount => (
                "Different account",
                "The verification was done with another account than the one you are signed in with. Nothing was changed."),
            DirectoryStepUpOutcome.NotRecognised => (
                "Verification not recognised",
                "Your phone verification was received but does not unlock this page. Please contact support if this keeps happening."),
            _ => (
                "Verification not completed",
                "The phone verification could not be completed. Nothing was changed. Please try again."),
        };

        http.Response.StatusCode = outcome == DirectoryStepUpOutcome.Cancelled ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var encoder = HtmlEncoder.Default;
        return http.Response.WriteAsync(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
            $"<title>{encoder.Encode(title)}</title></head><body><main><h1>{encoder.Encode(title)}</h1><p>{encoder.Encode(text)}</p>" +
            $"<p><a href=\"{encoder.Encode(returnUrl)}\">Try again</a> · <a href=\"{encoder.Encode(home)}\">Go to the home page</a></p>" +
            "</main></body></html>",
            http.RequestAborted);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using StepUp.AspNetCore.Endpoints;
using StepUp.AspNetCore.Store;

namespace StepUp.AspNetCore.Pages;

/// <summary>Base of StepUp's pages: a safe return URL, and a clear 503 page when the store is down (fail closed).</summary>
public abstract class StepUpPageModel : PageModel
{
    /// <summary>The local URL to return to; anything else is replaced by the app root.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The message to show in the alert region, if any.</summary>
    public string? ErrorMessage { get; protected set; }

    /// <summary>A confirmation to show, if any.</summary>
    public string? StatusMessage { get; protected set; }

    internal InAppStepUp Flow => HttpContext.RequestServices.GetRequiredService<InAppStepUp>();

    /// <inheritdoc />
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        ReturnUrl = Flow.SafeReturnUrl(HttpContext, ReturnUrl);
        try
        {
            var executed = await next().ConfigureAwait(false);
            if (executed.Exception is StepUpStoreException)
            {
                executed.ExceptionHandled = true;
                executed.Result = Unavailable();
            }
        }
        catch (StepUpStoreException)
        {
            context.Result = Unavailable();
        }
    }

    private ContentResult Unavailable()
    {
        Response.Headers.RetryAfter = "5";
        return new ContentResult
        {
            StatusCode = StatusCodes.Status503ServiceUnavailable,
            ContentType = "text/html; charset=utf-8",
            Content = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Temporarily unavailable</title></head>" +
                "<body><main><h1>Temporarily unavailable</h1><p>We cannot reach the verification service right now. Nothing was changed. Please try again in a moment.</p>" +
                "<p><a href=\"/\">Go to the home page</a></p></main></body></html>",
        };
    }
}

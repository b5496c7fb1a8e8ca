using Microsoft.AspNetCore.Antiforgery;

namespace StepUp.DevelopmentDirectory.Ui;

/// <summary>Reads a posted form after checking its antiforgery token; <see langword="null"/> (answered with 400) otherwise.</summary>
internal static class FormPost
{
    public static async Task<IFormCollection?> ReadAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }

        return await http.Request.ReadFormAsync(http.RequestAborted);
    }

    public static IResult Rejected() => Html.Page(
        "Please try again",
        "<p>The form expired or was not sent by this page. Go back, reload the page and try again.</p>",
        StatusCodes.Status400BadRequest);
}

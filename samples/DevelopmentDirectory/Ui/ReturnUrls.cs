using Microsoft.AspNetCore.WebUtilities;
using StepUp.DevelopmentDirectory.Protocol;

namespace StepUp.DevelopmentDirectory.Ui;

/// <summary>The UI only ever returns to a local authorize URL of one of the directory's policies.</summary>
internal sealed class ReturnUrls(DirectoryPolicies policies)
{
    public DirectoryPolicy? Validate(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 4096 || returnUrl[0] != '/' ||
            (returnUrl.Length > 1 && returnUrl[1] is '/' or '\\') || returnUrl.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var path = returnUrl.Split('?', 2)[0];
        return path.EndsWith("/" + DirectoryPaths.Authorize, StringComparison.OrdinalIgnoreCase) ? policies.FromLocalUrl(returnUrl) : null;
    }

    public static string With(string returnUrl, string name, string value) => QueryHelpers.AddQueryString(returnUrl, name, value);

    public static string Cancel(string returnUrl) => With(returnUrl, DirectoryPaths.CancelParameter, "1");

    public static string To(string page, string returnUrl, string? flow = null)
    {
        var url = QueryHelpers.AddQueryString(page, "returnUrl", returnUrl);
        return flow is null ? url : QueryHelpers.AddQueryString(url, "flow", flow);
    }

    public static IResult Invalid() => Html.Page(
        "This link is not valid",
        "<p>This page was opened without a valid sign-in request. Go back to the application and sign in again.</p>",
        StatusCodes.Status400BadRequest);
}

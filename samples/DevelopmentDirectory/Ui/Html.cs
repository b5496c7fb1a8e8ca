using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace StepUp.DevelopmentDirectory.Ui;

/// <summary>Writes the directory's plain HTML pages. Every value is encoded; every form carries an antiforgery token.</summary>
internal static class Html
{
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<title>{E(title)} · StepUp development directory</title><style>{Style}</style></head><body><main>" +
            $"<p class=\"brand\">StepUp development directory</p><h1>{E(title)}</h1>{body}</main></body></html>",
            "text/html; charset=utf-8",
            Encoding.UTF8,
            status);

    public static string Form(HttpContext http, IAntiforgery antiforgery, string action, string inner)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"<form method=\"post\" action=\"{E(action)}\">" +
            $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">{inner}</form>";
    }

    public static string Hidden(string name, string? value) => $"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">";

    public static string Field(string name, string label, string type = "text", string? value = null, string? autocomplete = null) =>
        $"<p><label for=\"{E(name)}\">{E(label)}</label><input id=\"{E(name)}\" name=\"{E(name)}\" type=\"{E(type)}\" value=\"{E(value)}\"" +
        (autocomplete is null ? string.Empty : $" autocomplete=\"{E(autocomplete)}\"") + "></p>";

    public static string Button(string text, string? name = null, string? value = null, bool secondary = false) =>
        $"<button type=\"submit\"{(secondary ? " class=\"secondary\"" : string.Empty)}" +
        (name is null ? string.Empty : $" name=\"{E(name)}\" value=\"{E(value)}\"") + $">{E(text)}</button>";

    public static string Alert(string? message) => message is null ? string.Empty : $"<p class=\"alert\" role=\"alert\">{E(message)}</p>";

    public static string Notice(string? message) => message is null ? string.Empty : $"<p class=\"notice\" role=\"status\">{E(message)}</p>";

    public static string Link(string href, string text) => $"<a href=\"{E(href)}\">{E(text)}</a>";

    private const string Style =
        "body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#eef2f7;color:#1b1f24}" +
        "main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d0d7de;border-radius:12px}" +
        ".brand{color:#57606a;font-size:.85rem;margin:0}h1{font-size:1.4rem}label{display:block;font-weight:600}" +
        "input[type=text],input[type=password],input[type=tel]{width:100%;box-sizing:border-box;font-size:1.1rem;padding:.5rem;border:1px solid #d0d7de;border-radius:8px}" +
        "button{font:inherit;font-weight:600;padding:.55rem 1.1rem;border-radius:8px;border:0;background:#5b2a86;color:#fff;cursor:pointer;margin:.25rem .25rem .25rem 0}" +
        "button.secondary{background:#fff;color:#5b2a86;border:1px solid #5b2a86}.alert{padding:.6rem;border-radius:8px;background:#fef3f2;color:#b42318}" +
        ".notice{padding:.6rem;border-radius:8px;background:#ecfdf3;color:#067647}table{border-collapse:collapse}td,th{padding:.2rem .5rem;text-align:left}";
}

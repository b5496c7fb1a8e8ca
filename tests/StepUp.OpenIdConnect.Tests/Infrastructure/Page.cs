using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace StepUp.OpenIdConnect.Tests.Infrastructure;

/// <summary>A page the test browser ended on.</summary>
internal sealed class Page(HttpStatusCode status, Uri url, string html)
{
    private static readonly HtmlParser Parser = new();
    private IDocument? _document;

    public HttpStatusCode Status { get; } = status;

    public Uri Url { get; } = url;

    public string Html { get; } = html;

    public IDocument Document => _document ??= Parser.ParseDocument(Html);

    public string Title => Document.QuerySelector("h1")?.TextContent.Trim() ?? string.Empty;

    public bool HasField(string name) => Document.QuerySelector($"input[name='{name}']") is not null;

    public override string ToString() => $"{(int)Status} {Url} «{Title}»";
}

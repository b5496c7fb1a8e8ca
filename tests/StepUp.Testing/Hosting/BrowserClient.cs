using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace StepUp.Testing.Hosting;

/// <summary>An HttpClient that behaves like a browser for tests: keeps cookies, reads pages, submits forms with their hidden fields.</summary>
public sealed class BrowserClient : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly CookieClientHandler _handler;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IHtmlDocument, string> _urls = [];

    /// <summary>Creates a client over <paramref name="inner"/>, with its own cookie jar or the shared <paramref name="cookies"/>.</summary>
    public BrowserClient(HttpMessageHandler inner, Uri baseAddress, CookieContainer? cookies = null)
    {
        _handler = cookies is null ? new CookieClientHandler(inner) : new CookieClientHandler(inner, cookies);
        Http = new HttpClient(_handler) { BaseAddress = baseAddress };
    }

    /// <summary>The underlying client (cookies included).</summary>
    public HttpClient Http { get; }

    /// <summary>The cookie jar.</summary>
    public CookieContainer Cookies => _handler.Cookies;

    /// <summary>GET, without following redirects.</summary>
    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    /// <summary>GET a page as a browser would (Accept: text/html) and parse it.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        var response = await Http.SendAsync(request);
        return (response, await ParseAsync(response, url));
    }

    /// <summary>GET, following local redirects like a browser, and parse the final page.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> FollowAsync(string url, int maxRedirects = 5)
    {
        var (response, document) = await GetPageAsync(url);
        while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && maxRedirects-- > 0)
        {
            var location = response.Headers.Location!;
            (response, document) = await GetPageAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }

        return (response, document);
    }

    /// <summary>
    /// Submits the form that contains <paramref name="submitSelector"/> (a button), with the form's fields (hidden ones,
    /// checked radios, antiforgery token) overridden by <paramref name="values"/>; the button's own name/value is sent.
    /// </summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> SubmitAsync(
        IHtmlDocument page, string submitSelector, IDictionary<string, string>? values = null, bool includeAntiforgery = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        var button = page.QuerySelector(submitSelector) as IHtmlButtonElement
            ?? throw new InvalidOperationException($"No button '{submitSelector}' on the page:\n{page.Body?.TextContent}");
        var form = button.Form ?? throw new InvalidOperationException($"Button '{submitSelector}' is not in a form.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "radio" or "checkbox" && !input.IsChecked)
                    {
                        break;
                    }

                    if (!includeAntiforgery && input.Name == "__RequestVerificationToken")
                    {
                        break;
                    }

                    fields.Add(new(input.Name, input.Value));
                    break;
            }
        }

        if (!string.IsNullOrEmpty(button.Name))
        {
            fields.Add(new(button.Name, button.Value));
        }

        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add(new(key, value));
        }

        var action = button.GetAttribute("formaction") ?? form.GetAttribute("action");
        if (string.IsNullOrEmpty(action))
        {
            action = _urls.TryGetValue(page, out var current) ? current : "/";
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("text/html");
        var response = await Http.SendAsync(request);
        return (response, await ParseAsync(response, action));
    }

    /// <summary>POST JSON (Accept: application/json).</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string url, object body) => Http.PostAsJsonAsync(url, body);

    /// <inheritdoc />
    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    private async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response, string url)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await Parser.ParseDocumentAsync(html);
        _urls.AddOrUpdate(document, url);
        return document;
    }
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace StepUp.OpenIdConnect.Tests.Infrastructure;

/// <summary>
/// A minimal browser over real HTTP: one cookie jar for every host, redirects followed by hand (each one recorded),
/// forms submitted as a person would, and the directory's auto-submitting form_post page submitted like a script would.
/// </summary>
internal sealed class Browser : IDisposable
{
    private const int MaxHops = 25;
    private readonly HttpClient _client;

    public Browser()
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
    }

    /// <summary>Every URL requested, in order.</summary>
    public List<Uri> Visited { get; } = [];

    /// <summary>Rewrites a redirect before it is followed (to play an attacker editing the URL).</summary>
    public Func<Uri, Uri>? RewriteRedirect { get; set; }

    public int CountVisits(Func<Uri, bool> predicate) => Visited.Count(predicate);

    public Task<Page> GetAsync(Uri url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>Submits the form that holds the button labelled <paramref name="button"/>, with <paramref name="values"/> typed in.</summary>
    public Task<Page> SubmitAsync(Page page, string button, IReadOnlyDictionary<string, string>? values = null)
    {
        var clicked = page.Document.QuerySelectorAll("button, input[type=submit]")
            .FirstOrDefault(b => string.Equals(b.TextContent.Trim(), button, StringComparison.Ordinal) || b.GetAttribute("value") == button)
            ?? throw new InvalidOperationException($"No button '{button}' on {page}.");
        var form = clicked.Closest("form") as IHtmlFormElement ?? throw new InvalidOperationException($"Button '{button}' is not in a form.");
        var fields = Fields(form);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        if (clicked.GetAttribute("name") is { } buttonName)
        {
            fields.Add(new(buttonName, clicked.GetAttribute("value") ?? string.Empty));
        }

        return PostAsync(new Uri(page.Url, form.GetAttribute("action") ?? page.Url.PathAndQuery), fields);
    }

    public Task<Page> PostAsync(Uri url, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });

    public void Dispose() => _client.Dispose();

    private async Task<Page> SendAsync(HttpRequestMessage request)
    {
        for (var hop = 0; hop < MaxHops; hop++)
        {
            Visited.Add(request.RequestUri!);
            using var response = await _client.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            if (Environment.GetEnvironmentVariable("STEPUP_TEST_LOGS") == "1")
            {
                Console.WriteLine($"BROWSER {request.Method} {request.RequestUri} -> {(int)response.StatusCode} set-cookie: {string.Join(" | ", response.Headers.TryGetValues("Set-Cookie", out var sc) ? sc : [])}");
            }
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
                next = RewriteRedirect?.Invoke(next) ?? next;
                request.Dispose();
                request = new HttpRequestMessage(HttpMethod.Get, next);
                continue;
            }

            var page = new Page(response.StatusCode, request.RequestUri!, html);
            if (response.IsSuccessStatusCode && IsAutoPost(page, out var form))
            {
                var action = new Uri(page.Url, form.GetAttribute("action")!);
                request.Dispose();
                request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(Fields(form)) };
                continue;
            }

            request.Dispose();
            return page;
        }

        throw new InvalidOperationException($"More than {MaxHops} redirects: a redirect loop. Visited: {string.Join(" → ", Visited)}");
    }

    private static bool IsAutoPost(Page page, out IHtmlFormElement form)
    {
        form = null!;
        if (!page.Html.Contains(".submit()", StringComparison.Ordinal) || page.Document.Forms.Length != 1)
        {
            return false;
        }

        form = page.Document.Forms[0];
        return string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase);
    }

    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input"))
        {
            var name = input.GetAttribute("name");
            var type = input.GetAttribute("type") ?? "text";
            if (name is null || type is "submit" || (type is "radio" or "checkbox" && !input.HasAttribute("checked")))
            {
                continue;
            }

            fields.Add(new(name, input.GetAttribute("value") ?? string.Empty));
        }

        return fields;
    }
}

using System.Net;

namespace StepUp.Testing.Hosting;

/// <summary>Keeps cookies between requests like a browser, over any inner handler (TestServer's has none). Never follows redirects.</summary>
public sealed class CookieClientHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>The browser's cookie jar.</summary>
    public CookieContainer Cookies { get; } = new();

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri!;
        var header = Cookies.GetCookieHeader(uri);
        if (header.Length > 0)
        {
            request.Headers.Remove("Cookie");
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                Cookies.SetCookies(uri, setCookie);
            }
        }

        return response;
    }
}

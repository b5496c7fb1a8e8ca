using System.Net;

namespace StepUp.Testing.Hosting;

/// <summary>
/// Keeps cookies between requests like a browser, over any inner handler (TestServer's has none). Never follows redirects.
/// Handlers given the same <see cref="CookieContainer"/> act as one browser, e.g. across app instances behind a load balancer.
/// </summary>
public sealed class CookieClientHandler(HttpMessageHandler inner, CookieContainer cookies) : DelegatingHandler(inner)
{
    /// <summary>A handler with its own, empty cookie jar.</summary>
    public CookieClientHandler(HttpMessageHandler inner)
        : this(inner, new CookieContainer())
    {
    }

    /// <summary>The browser's cookie jar.</summary>
    public CookieContainer Cookies { get; } = cookies;

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

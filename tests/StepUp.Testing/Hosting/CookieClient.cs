using System.Net;
using Microsoft.AspNetCore.TestHost;

namespace StepUp.Testing.Hosting;

/// <summary>
/// A browser-like cookie jar over one or more <see cref="TestServer"/>s: every client made from the same jar sends and
/// keeps the same cookies, so a "browser" can move between app instances behind a load balancer.
/// </summary>
public sealed class CookieClient
{
    /// <summary>The address all clients use, so cookies apply to every instance.</summary>
    public static readonly Uri BaseAddress = new("http://localhost/");

    /// <summary>The cookies, shared by every client made from this jar.</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>An <see cref="HttpClient"/> to <paramref name="server"/> that carries this jar's cookies and does not follow redirects.</summary>
    public HttpClient For(TestServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new HttpClient(new CookieHandler(Cookies) { InnerHandler = server.CreateHandler() }) { BaseAddress = BaseAddress };
    }

    /// <summary>A copy of the current cookies, e.g. to replay a session after it was signed out.</summary>
    public CookieContainer Snapshot()
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in Cookies.GetCookies(BaseAddress))
        {
            copy.Add(BaseAddress, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        return copy;
    }

    /// <summary>An <see cref="HttpClient"/> to <paramref name="server"/> with its own copy of <paramref name="cookies"/>.</summary>
    public static HttpClient With(CookieContainer cookies, TestServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new HttpClient(new CookieHandler(cookies) { InnerHandler = server.CreateHandler() }) { BaseAddress = BaseAddress };
    }

    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var header = cookies.GetCookieHeader(uri);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    cookies.SetCookies(uri, setCookie);
                }
            }

            return response;
        }
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using StepUp.Testing.Hosting;

namespace StepUp.Redis.Tests.Hosting;

/// <summary>The shared test app (environment Development, cookie sign-in, development outbox) with StepUp on Redis.</summary>
internal static class RedisTestApps
{
    public const string PhoneNumber = "+31612345634";

    /// <summary>
    /// Starts an app instance whose store and Data Protection keys are in <paramref name="redis"/> under <paramref name="keyPrefix"/>;
    /// instances started with the same arguments act as one app behind a load balancer.
    /// </summary>
    public static Task<StepUpTestApp> StartAsync(string redis, string keyPrefix, TimeSpan? operationTimeout = null) =>
        StepUpTestApp.StartAsync(
            stepUp: builder => builder
                .AddRedisStore(o =>
                {
                    o.Configuration = redis;
                    o.KeyPrefix = keyPrefix;
                    o.OperationTimeout = operationTimeout ?? TimeSpan.FromSeconds(5);
                    o.ConfigureConnection = c => c.ReconnectRetryPolicy = new LinearRetry(100);
                })
                .PersistDataProtectionKeys(),
            services: services => services.AddDataProtection().SetApplicationName("StepUp.Redis.Tests"));

    /// <summary>The newest code the app's development outbox holds for <see cref="PhoneNumber"/>.</summary>
    public static string LatestCode(this StepUpTestApp app) =>
        app.Outbox.LatestTo(PhoneNumber)?.Code ?? throw new InvalidOperationException("No code in the outbox.");

    public static async Task SignInAsync(this BrowserClient browser, string user)
    {
        using var response = await browser.GetAsync("/test/sign-in/" + Uri.EscapeDataString(user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary><c>POST /stepup/api/challenges</c> by text message (with a number for an enrolment).</summary>
    public static Task<HttpResponseMessage> StartAsync(this BrowserClient browser, string? phoneNumber = PhoneNumber) =>
        browser.PostJsonAsync("/stepup/api/challenges", new { channel = "sms", phoneNumber });

    /// <summary>Starts a code and answers its challenge id.</summary>
    public static async Task<string> StartCodeAsync(this BrowserClient browser, string? phoneNumber = PhoneNumber)
    {
        using var response = await browser.StartAsync(phoneNumber);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Starting a code answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("challengeId").GetString()!;
    }

    /// <summary><c>POST /stepup/api/challenges/verify</c>.</summary>
    public static Task<HttpResponseMessage> VerifyAsync(this BrowserClient browser, string challengeId, string code) =>
        browser.PostJsonAsync("/stepup/api/challenges/verify", new { challengeId, code });

    /// <summary>GET as an API client (JSON), so an unmet requirement answers 401 rather than a redirect.</summary>
    public static Task<HttpResponseMessage> GetAsApiAsync(this BrowserClient browser, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/json");
        return browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A copy of a browser's cookies, as a thief (or a second tab) would keep them.</summary>
    public static CookieContainer CopyCookies(this BrowserClient browser)
    {
        var copy = new CookieContainer();
        copy.Add(browser.Cookies.GetAllCookies());
        return copy;
    }
}

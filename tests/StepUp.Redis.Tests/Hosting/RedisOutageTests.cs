using System.Net;
using System.Text.Json;
using StepUp.Redis.Tests.Infrastructure;
using StepUp.Testing.Hosting;
using StepUp.Testing.Redis;

namespace StepUp.Redis.Tests.Hosting;

/// <summary>
/// The app against a redis-server of its own that the test stops and starts: protected endpoints fail closed (503), the
/// rest keeps serving, and service resumes by itself when Redis is back, with nothing granted from nowhere.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan ResumeLimit = TimeSpan.FromSeconds(20);
    private readonly string _user = "user-" + Guid.NewGuid().ToString("N");
    private RedisServer? _redis;
    private StepUpTestApp? _app;

    private RedisServer Redis => _redis!;

    private StepUpTestApp App => _app!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _app = await RedisTestApps.StartAsync(_redis.EndPoint, RedisStores.NewPrefix(), operationTimeout: TimeSpan.FromMilliseconds(500));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task WhileRedisIsDownProtectedEndpointsFailClosedAndTheRestKeepsServing()
    {
        using var browser = App.CreateBrowser();
        await browser.SignInAsync(_user);
        var challengeId = await browser.StartCodeAsync();
        using (var granted = await browser.VerifyAsync(challengeId, App.LatestCode()))
        {
            Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        }

        await Redis.StopAsync();
        using var publicPage = await browser.GetAsync("/public");
        using var account = await browser.GetAsync("/account");
        using var api = await browser.GetAsApiAsync("/sensitive");
        var (page, document) = await browser.GetPageAsync("/sensitive");
        using var start = await browser.StartAsync(phoneNumber: null);

        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("Phone verification is temporarily unavailable", problem.RootElement.GetProperty("title").GetString());
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("Temporarily unavailable", document.QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, start.StatusCode);
        page.Dispose();

        await Redis.StartAgainAsync();
        await WaitForStoreAsync(browser);
        using var resumed = await browser.GetAsApiAsync("/sensitive");

        // Redis came back empty: the grant is gone with it and nothing appears in its place; a new code works.
        Assert.Equal(HttpStatusCode.Unauthorized, resumed.StatusCode);
        var newChallenge = await browser.StartCodeAsync();
        using var verified = await browser.VerifyAsync(newChallenge, App.LatestCode());
        using var sensitive = await browser.GetAsApiAsync("/sensitive");
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sensitive.StatusCode);
    }

    [Fact]
    public async Task WhileRedisIsDownACodeCannotBeVerifiedAndNothingIsGranted()
    {
        using var browser = App.CreateBrowser();
        await browser.SignInAsync(_user);
        var challengeId = await browser.StartCodeAsync();

        await Redis.StopAsync();
        using var verify = await browser.VerifyAsync(challengeId, App.LatestCode());
        using var sensitive = await browser.GetAsApiAsync("/sensitive");
        await Redis.StartAgainAsync();
        await WaitForStoreAsync(browser);
        using var afterRestart = await browser.GetAsApiAsync("/sensitive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, verify.StatusCode);
        Assert.Contains("temporarily unavailable", await verify.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // This session never stepped up, so the requirement is decided without the store: the step-up challenge, no grant.
        Assert.Equal(HttpStatusCode.Unauthorized, sensitive.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRestart.StatusCode);
    }

    [Fact]
    public async Task WhenRedisRestartsEmptyMidFlowTheCodeHasExpiredAndANewOneWorks()
    {
        using var browser = App.CreateBrowser();
        await browser.SignInAsync(_user);
        var challengeId = await browser.StartCodeAsync();
        var code = App.LatestCode();

        await Redis.StopAsync();
        await Redis.StartAgainAsync();
        await WaitForStoreAsync(browser);
        using var expired = await browser.VerifyAsync(challengeId, code);
        using var stillProtected = await browser.GetAsApiAsync("/sensitive");
        var newChallenge = await browser.StartCodeAsync();
        using var verified = await browser.VerifyAsync(newChallenge, App.LatestCode());
        using var granted = await browser.GetAsApiAsync("/sensitive");

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, stillProtected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
    }

    /// <summary>Polls <c>GET /stepup/api/status</c>, which reads the store, until it answers again (bounded).</summary>
    private static Task WaitForStoreAsync(BrowserClient browser) =>
        RespClient.WaitUntilAsync(
            async () =>
            {
                using var response = await browser.GetAsApiAsync("/stepup/api/status");
                return response.StatusCode == HttpStatusCode.OK;
            },
            ResumeLimit,
            "the app to reach Redis again");
}

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
    private readonly CookieClient _browser = new();
    private readonly string _user = "user-" + Guid.NewGuid().ToString("N");
    private RedisServer? _redis;
    private StepUpTestApp? _app;

    private RedisServer Redis => _redis!;

    private StepUpTestApp App => _app!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _app = await StepUpTestApp.StartAsync(_redis.EndPoint, RedisStores.NewPrefix(), operationTimeout: TimeSpan.FromMilliseconds(500));
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
        using var client = _browser.For(App.Server);
        await StepUpApi.SignInAsync(client, _user);
        var challengeId = await StepUpApi.StartCodeAsync(client);
        var code = App.LatestCode();
        using (var granted = await StepUpApi.VerifyAsync(client, challengeId, code))
        {
            Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        }

        await Redis.StopAsync();
        using var publicPage = await client.GetAsync("/public", TestContext.Current.CancellationToken);
        using var api = await StepUpApi.GetAsApiAsync(client, "/protected");
        using var page = await StepUpApi.GetAsBrowserAsync(client, "/protected");
        using var start = await StepUpApi.StartAsync(client, phoneNumber: null);

        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("Phone verification is temporarily unavailable", problem.RootElement.GetProperty("title").GetString());
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Temporarily unavailable", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, start.StatusCode);
        Assert.DoesNotContain("stepup", await start.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);

        await Redis.StartAgainAsync();
        var resumed = await WaitForStoreAsync(client);

        // Redis came back empty: the grant is gone with it and nothing else appears in its place.
        Assert.Equal(HttpStatusCode.Unauthorized, resumed);
        var newChallenge = await StepUpApi.StartCodeAsync(client);
        using var verified = await StepUpApi.VerifyAsync(client, newChallenge, App.LatestCode());
        using var protectedAgain = await StepUpApi.GetAsApiAsync(client, "/protected");
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, protectedAgain.StatusCode);
    }

    [Fact]
    public async Task WhenRedisRestartsEmptyMidFlowTheCodeHasExpiredAndANewOneWorks()
    {
        using var client = _browser.For(App.Server);
        await StepUpApi.SignInAsync(client, _user);
        var challengeId = await StepUpApi.StartCodeAsync(client);
        var code = App.LatestCode();

        await Redis.StopAsync();
        await Redis.StartAgainAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await WaitForStoreAsync(client));
        using var expired = await StepUpApi.VerifyAsync(client, challengeId, code);
        using var stillProtected = await StepUpApi.GetAsApiAsync(client, "/protected");
        var newChallenge = await StepUpApi.StartCodeAsync(client);
        using var verified = await StepUpApi.VerifyAsync(client, newChallenge, App.LatestCode());
        using var granted = await StepUpApi.GetAsApiAsync(client, "/protected");

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, stillProtected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
    }

    /// <summary>Polls the protected endpoint (bounded) until the store answers again, and answers its first non-503 status.</summary>
    private static async Task<HttpStatusCode> WaitForStoreAsync(HttpClient client)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        await RespClient.WaitUntilAsync(
            async () =>
            {
                using var response = await StepUpApi.GetAsApiAsync(client, "/protected");
                status = response.StatusCode;
                return status != HttpStatusCode.ServiceUnavailable;
            },
            ResumeLimit,
            "the app to reach Redis again");
        return status;
    }
}

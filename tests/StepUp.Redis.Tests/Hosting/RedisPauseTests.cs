using System.Globalization;
using System.Net;
using StepUp.Redis.Tests.Infrastructure;
using StepUp.Testing.Hosting;
using StepUp.Testing.Redis;

namespace StepUp.Redis.Tests.Hosting;

/// <summary>
/// Redis alive but not answering — every client paused (<c>CLIENT PAUSE … ALL</c>) or the server blocked
/// (<c>DEBUG SLEEP</c>) — during the authorization check, a send and a verification: protected endpoints fail closed with
/// 503 within the operation timeout, the rest keeps serving, service resumes by itself, and a verification cut off by the
/// pause grants nothing. Requests during the pause are fired together so they all land inside it.
/// </summary>
public sealed class RedisPauseTests : IAsyncLifetime
{
    private const int PauseMilliseconds = 6000;
    private static readonly TimeSpan ResumeLimit = TimeSpan.FromSeconds(30);
    private readonly string _user = "user-" + Guid.NewGuid().ToString("N");
    private RedisServer? _redis;
    private StepUpTestApp? _app;

    private RedisServer Redis => _redis!;

    private StepUpTestApp App => _app!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync("--enable-debug-command", "local");
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
    public async Task WhileEveryClientIsPausedProtectedEndpointsAndSendsFailClosedAndTheRestKeepsServing()
    {
        using var browser = App.CreateBrowser();
        await browser.SignInAsync(_user);
        var challengeId = await browser.StartCodeAsync();
        using (var verified = await browser.VerifyAsync(challengeId, App.LatestCode()))
        {
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        var sentBefore = App.Outbox.Messages.Count;
        await PauseAsync();
        var publicPage = browser.GetAsync("/public");
        var account = browser.GetAsync("/account");
        var sensitive = browser.GetAsApiAsync("/sensitive");
        var send = browser.StartAsync(phoneNumber: null);
        await Task.WhenAll(publicPage, account, sensitive, send);

        Assert.Equal(HttpStatusCode.OK, (await publicPage).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await account).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await sensitive).StatusCode);
        Assert.Equal("5", (await sensitive).Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await send).StatusCode);
        Assert.Equal(sentBefore, App.Outbox.Messages.Count);

        await WaitForStoreAsync(browser);
        using var resumed = await browser.GetAsApiAsync("/sensitive");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode); // the grant was never lost: Redis only paused
    }

    [Fact]
    public async Task AVerificationCutOffByAPauseGrantsNothingUntilACodeIsCheckedAgain()
    {
        using var browser = App.CreateBrowser();
        await browser.SignInAsync(_user);
        var challengeId = await browser.StartCodeAsync();
        var code = App.LatestCode();

        await PauseAsync();
        using var cutOff = await browser.VerifyAsync(challengeId, code);
        await WaitForStoreAsync(browser);
        using var afterPause = await browser.GetAsApiAsync("/sensitive");
        using var retried = await browser.VerifyAsync(challengeId, code);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, cutOff.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterPause.StatusCode);

        // The cut-off check either never ran (the client dropped the connection) or ran when the pause ended and used the
        // code up; either way it wrote no grant. The user types the code again, or asks for a new one.
        Assert.Contains(retried.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Gone });
        if (retried.StatusCode == HttpStatusCode.Gone)
        {
            using var stillLocked = await browser.GetAsApiAsync("/sensitive");
            Assert.Equal(HttpStatusCode.Unauthorized, stillLocked.StatusCode);
            using var verified = await browser.VerifyAsync(await browser.StartCodeAsync(), App.LatestCode());
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        using var granted = await browser.GetAsApiAsync("/sensitive");
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
    }

    [Fact]
    public async Task WhileTheServerSleepsTheCheckAndTheSendFailClosedAndServiceResumesByItself()
    {
        using var browser = App.CreateBrowser();
        await browser.SignInAsync(_user);
        var challengeId = await browser.StartCodeAsync();
        using (var verified = await browser.VerifyAsync(challengeId, App.LatestCode()))
        {
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        var sleeping = SleepAsync();
        await WaitUntilUnresponsiveAsync();
        var publicPage = browser.GetAsync("/public");
        var sensitive = browser.GetAsApiAsync("/sensitive");
        var page = browser.GetPageAsync("/sensitive");
        var send = browser.StartAsync(phoneNumber: null);
        await Task.WhenAll(publicPage, sensitive, page, send);
        await sleeping;
        await WaitForStoreAsync(browser);
        using var resumed = await browser.GetAsApiAsync("/sensitive");

        Assert.Equal(HttpStatusCode.OK, (await publicPage).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await sensitive).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await page).Response.StatusCode);
        Assert.Equal("Temporarily unavailable", (await page).Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await send).StatusCode);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
    }

    private async Task PauseAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var answer = await RespClient.SendAsync(Redis.Port, timeout.Token, "CLIENT", "PAUSE", PauseMilliseconds.ToString(CultureInfo.InvariantCulture), "ALL");
        Assert.Equal("+OK", answer);
    }

    private async Task SleepAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seconds = (PauseMilliseconds / 1000.0).ToString(CultureInfo.InvariantCulture);
        Assert.Equal("+OK", await RespClient.SendAsync(Redis.Port, timeout.Token, "DEBUG", "SLEEP", seconds));
    }

    /// <summary>Polls (bounded) until a PING gets no answer within 200 ms: the server is asleep.</summary>
    private Task WaitUntilUnresponsiveAsync() =>
        RespClient.WaitUntilAsync(
            async () =>
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
                try
                {
                    await RespClient.SendAsync(Redis.Port, timeout.Token, "PING");
                    return false;
                }
                catch (OperationCanceledException)
                {
                    return true;
                }
            },
            TimeSpan.FromSeconds(5),
            "redis-server to stop answering");

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

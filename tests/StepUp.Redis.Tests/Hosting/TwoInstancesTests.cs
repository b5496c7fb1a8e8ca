using System.Net;
using StepUp.Testing.Redis;
using StepUp.Redis.Tests.Infrastructure;
using StepUp.Testing.Hosting;

namespace StepUp.Redis.Tests.Hosting;

/// <summary>
/// Two app instances behind an imaginary load balancer share one Redis (store and Data Protection keys); one browser
/// (one cookie jar) moves between them.
/// </summary>
public sealed class TwoInstancesTests(RedisServerFixture redis) : IAsyncLifetime
{
    private readonly string _prefix = RedisStores.NewPrefix();
    private readonly string _user = "user-" + Guid.NewGuid().ToString("N");
    private readonly CookieContainer _cookies = new();
    private StepUpTestApp? _a;
    private StepUpTestApp? _b;

    private StepUpTestApp A => _a!;

    private StepUpTestApp B => _b!;

    public async ValueTask InitializeAsync()
    {
        _a = await RedisTestApps.StartAsync(redis.Configuration, _prefix);
        _b = await RedisTestApps.StartAsync(redis.Configuration, _prefix);
    }

    public async ValueTask DisposeAsync()
    {
        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_b is not null)
        {
            await _b.DisposeAsync();
        }
    }

    [Fact]
    public async Task ACodeStartedOnAIsVerifiedOnB()
    {
        using var onA = A.CreateBrowser(_cookies);
        using var onB = B.CreateBrowser(_cookies);
        await onA.SignInAsync(_user);

        var challengeId = await onA.StartCodeAsync();
        using var verified = await onB.VerifyAsync(challengeId, A.LatestCode());
        using var sensitive = await onB.GetAsApiAsync("/sensitive");

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sensitive.StatusCode);
    }

    [Fact]
    public async Task AGrantEarnedOnAIsHonouredOnB()
    {
        using var onA = A.CreateBrowser(_cookies);
        using var onB = B.CreateBrowser(_cookies);
        await onA.SignInAsync(_user);
        using var before = await onB.GetAsApiAsync("/sensitive");

        var challengeId = await onA.StartCodeAsync();
        using var verified = await onA.VerifyAsync(challengeId, A.LatestCode());
        using var after = await onB.GetAsApiAsync("/sensitive");

        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("sensitive", await after.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignOutOnBEndsTheGrantOnA()
    {
        using var onA = A.CreateBrowser(_cookies);
        using var onB = B.CreateBrowser(_cookies);
        await onA.SignInAsync(_user);
        var challengeId = await onA.StartCodeAsync();
        using var verified = await onA.VerifyAsync(challengeId, A.LatestCode());
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        using var copyOnA = A.CreateBrowser(onA.CopyCookies());
        using (var before = await copyOnA.GetAsApiAsync("/sensitive"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var signedOut = await onB.GetAsync("/test/sign-out");
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);

        // A may answer from its copy of the grant until B's revocation message arrives (pub/sub, well under a second here).
        HttpResponseMessage? after = null;
        await RespClient.WaitUntilAsync(
            async () =>
            {
                after?.Dispose();
                after = await copyOnA.GetAsApiAsync("/sensitive");
                return after.StatusCode == HttpStatusCode.Unauthorized;
            },
            TimeSpan.FromSeconds(3),
            "the revocation on B reaches A");
        Assert.Contains("insufficient_user_authentication", after!.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        after.Dispose();
    }
}

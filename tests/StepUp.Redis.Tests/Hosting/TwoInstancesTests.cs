using System.Net;
using StepUp.Redis.Tests.Infrastructure;
using StepUp.Testing.Hosting;

namespace StepUp.Redis.Tests.Hosting;

/// <summary>Two app instances behind an imaginary load balancer share one Redis (store and Data Protection keys).</summary>
public sealed class TwoInstancesTests(RedisServerFixture redis) : IAsyncLifetime
{
    private readonly string _prefix = RedisStores.NewPrefix();
    private readonly string _user = "user-" + Guid.NewGuid().ToString("N");
    private readonly CookieClient _browser = new();
    private StepUpTestApp? _a;
    private StepUpTestApp? _b;

    private StepUpTestApp A => _a!;

    private StepUpTestApp B => _b!;

    public async ValueTask InitializeAsync()
    {
        _a = await StepUpTestApp.StartAsync(redis.Configuration, _prefix);
        _b = await StepUpTestApp.StartAsync(redis.Configuration, _prefix);
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
        using var a = _browser.For(A.Server);
        using var b = _browser.For(B.Server);
        await StepUpApi.SignInAsync(a, _user);

        var challengeId = await StepUpApi.StartCodeAsync(a);
        using var verified = await StepUpApi.VerifyAsync(b, challengeId, A.LatestCode());
        using var onB = await StepUpApi.GetAsApiAsync(b, "/protected");

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
    }

    [Fact]
    public async Task AGrantEarnedOnAIsHonouredOnB()
    {
        using var a = _browser.For(A.Server);
        using var b = _browser.For(B.Server);
        await StepUpApi.SignInAsync(a, _user);
        using var before = await StepUpApi.GetAsApiAsync(b, "/protected");

        var challengeId = await StepUpApi.StartCodeAsync(a);
        using var verified = await StepUpApi.VerifyAsync(a, challengeId, A.LatestCode());
        using var after = await StepUpApi.GetAsApiAsync(b, "/protected");

        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("Wire transfer form.", await after.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignOutOnBEndsTheGrantOnA()
    {
        using var a = _browser.For(A.Server);
        using var b = _browser.For(B.Server);
        await StepUpApi.SignInAsync(a, _user);
        var challengeId = await StepUpApi.StartCodeAsync(a);
        using var verified = await StepUpApi.VerifyAsync(a, challengeId, A.LatestCode());
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var copiedSession = _browser.Snapshot();
        using (var stillGranted = await StepUpApi.GetAsApiAsync(CookieClient.With(_browser.Snapshot(), A.Server), "/protected"))
        {
            Assert.Equal(HttpStatusCode.OK, stillGranted.StatusCode);
        }

        using var signedOut = await b.PostAsync("/test/signout", null, TestContext.Current.CancellationToken);
        using var replayed = CookieClient.With(copiedSession, A.Server);
        using var onA = await StepUpApi.GetAsApiAsync(replayed, "/protected");

        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, onA.StatusCode);
        Assert.Contains("insufficient_user_authentication", onA.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}

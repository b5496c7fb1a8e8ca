using System.Net;
using StackExchange.Redis;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.Races;

/// <summary>Many code submissions at the same moment, on one instance and across two: tries are counted exactly and a code verifies once.</summary>
public sealed class ParallelVerificationTests(SecuritySuite suite) : AttackTest(suite)
{
    [Fact]
    public async Task FiftyParallelWrongCodesCountExactlyFiveTries()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var attacker = await SignedInAsync(app, user);
        var challengeId = await attacker.StartCodeAsync();
        var right = app.Network.LatestCode(phone);

        var statuses = await Together.StatusesAsync(50, _ => attacker.VerifyAsync(challengeId, Codes.WrongFor(right)));
        using var rightAfterwards = await attacker.VerifyAsync(challengeId, right);

        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.BadRequest));
        Assert.Equal(46, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, rightAfterwards.StatusCode);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Suite.Redis.EndPoint);
        var db = redis.GetDatabase();
        Assert.Equal(5, (int)await db.HashGetAsync(app.Settings.KeyPrefix + "{u:" + user + "}:challenge", "att"));
        Assert.Equal(5, (int)await db.HashGetAsync(app.Settings.KeyPrefix + "{u:" + user + "}:failures", "n"));
    }

    [Fact]
    public async Task TheRightCodeSentTwentyTimesAmongWrongOnesAcrossTwoInstancesVerifiesExactlyOnce()
    {
        var settings = new SecurityAppSettings();
        var network = new PhoneNetwork(Suite.Ledger);
        var a = await StartAppAsync(settings, network);
        var b = await StartAppAsync(settings, network);
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(a, user, phone);
        var onA = await SignedInAsync(a, user);
        var onB = Browser(b, onA.Cookies);
        var challengeId = await onA.StartCodeAsync();
        var right = a.Network.LatestCode(phone);

        // 20 right and 4 wrong (fewer than the five that would void the code), alternating between the instances.
        var statuses = await Together.StatusesAsync(24, i => (i % 2 == 0 ? onA : onB).VerifyAsync(challengeId, i < 20 ? right : Codes.WrongFor(right)));
        using var sensitive = await onB.GetApiAsync("/sensitive");

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(23, statuses.Count(s => s is HttpStatusCode.Gone or HttpStatusCode.BadRequest));
        Assert.True(statuses.Take(20).Count(s => s == HttpStatusCode.Gone) >= 19, "Every right code but one finds the code used.");
        Assert.Equal(HttpStatusCode.OK, sensitive.StatusCode);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Suite.Redis.EndPoint);
        var db = redis.GetDatabase();
        Assert.False(await db.KeyExistsAsync(a.Settings.KeyPrefix + "{u:" + user + "}:challenge"));
        Assert.Equal(0, (int)await db.HashGetAsync(a.Settings.KeyPrefix + "{u:" + user + "}:failures", "n")); // success forgave the wrong ones
    }
}

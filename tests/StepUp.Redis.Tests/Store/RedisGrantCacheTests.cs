using Microsoft.Extensions.Time.Testing;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Store;
using StepUp.Redis.Store;
using StepUp.Redis.Tests.Infrastructure;
using StepUp.Testing.Redis;

namespace StepUp.Redis.Tests.Store;

/// <summary>The instance's copies of session grants: fewer round trips, and revocation still reaches every instance.</summary>
public sealed class RedisGrantCacheTests(RedisServerFixture redis)
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero));
    private readonly string _prefix = RedisStores.NewPrefix();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private StepUpGrant Grant(DateTimeOffset verifiedAt) =>
        new("alice", "session-1", null, PhoneChannel.Sms, verifiedAt, _time.GetUtcNow().AddHours(1));

    // Operations sent by this store's own connection: other tests share the Redis server, so server-wide counts would race.
    // The connection may add one keep-alive of its own during a measurement, hence the ranges below.
    private static async Task<long> OperationsAsync(StepUp.Redis.Connection.RedisConnection connection) =>
        (await connection.GetMultiplexerAsync()).OperationCount;

    private static async Task<RedisStepUpStore> ListeningAsync(RedisStepUpStore store)
    {
        // The first read starts the subscription; copies are used once it is up.
        await store.GetGrantAsync("nobody", "none", null, Token);
        await RespClient.WaitUntilAsync(
            async () => await store.GetGrantAsync("nobody", "none", null, Token) is null && store.GrantCopiesInUse,
            TimeSpan.FromSeconds(5),
            "the grant subscription is up");
        return store;
    }

    [Fact]
    public async Task ARepeatedProtectedReadIsAnsweredWithoutRedis()
    {
        var connection = RedisStores.Connect(redis.Configuration);
        var store = await ListeningAsync(RedisStores.Create(connection, _time, _prefix));
        await store.SaveGrantAsync(Grant(_time.GetUtcNow()), Token);
        Assert.NotNull(await store.GetGrantAsync("alice", "session-1", null, Token));
        var operations = await OperationsAsync(connection);

        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(await store.GetGrantAsync("alice", "session-1", null, Token));
        }

        Assert.InRange(await OperationsAsync(connection) - operations, 0, 1); // 10 without the copy
    }

    [Fact]
    public async Task ACopyIsUsedForTheConfiguredDurationOnly()
    {
        var connection = RedisStores.Connect(redis.Configuration);
        var store = await ListeningAsync(RedisStores.Create(connection, _time, _prefix, grantCacheDuration: TimeSpan.FromSeconds(5)));
        await store.SaveGrantAsync(Grant(_time.GetUtcNow()), Token);
        await store.GetGrantAsync("alice", "session-1", null, Token);
        var operations = await OperationsAsync(connection);

        _time.Advance(TimeSpan.FromSeconds(5));
        await store.GetGrantAsync("alice", "session-1", null, Token);

        Assert.InRange(await OperationsAsync(connection) - operations, 1, 2);
    }

    [Fact]
    public async Task ExpiredCopiesAreSweptInsteadOfPilingUpUntilTheCap()
    {
        // Regression: every session read kept a copy until 100,000 had piled up (the load run saw each instance's heap grow
        // by ~50 MB); now copies past their duration go at the next keep after one duration.
        var store = await ListeningAsync(RedisStores.Create(RedisStores.Connect(redis.Configuration), _time, _prefix, grantCacheDuration: TimeSpan.FromSeconds(5)));
        for (var i = 0; i < 50; i++)
        {
            await store.SaveGrantAsync(Grant(_time.GetUtcNow()) with { SessionId = "session-" + i }, Token);
        }

        // Each save's change message may arrive after a read has kept a copy and drop it again: read until all 50 stay.
        await RespClient.WaitUntilAsync(
            async () =>
            {
                for (var i = 0; i < 50; i++)
                {
                    Assert.NotNull(await store.GetGrantAsync("alice", "session-" + i, null, Token));
                }

                return store.GrantCopies >= 50;
            },
            TimeSpan.FromSeconds(10),
            "fifty copies");
        var before = store.GrantCopies;
        _time.Advance(TimeSpan.FromSeconds(6));
        await store.SaveGrantAsync(Grant(_time.GetUtcNow()) with { SessionId = "session-late" }, Token);
        await RespClient.WaitUntilAsync(
            async () => await store.GetGrantAsync("alice", "session-late", null, Token) is not null && store.GrantCopies == 1,
            TimeSpan.FromSeconds(10),
            "the late copy alone");

        Assert.True(before >= 50, $"{before} copies before");
        Assert.Equal(1, store.GrantCopies);
    }

    [Fact]
    public async Task ARevocationOnAnotherInstanceDropsTheCopy()
    {
        var onA = await ListeningAsync(RedisStores.Create(RedisStores.Connect(redis.Configuration), _time, _prefix));
        var onB = RedisStores.Create(RedisStores.Connect(redis.Configuration), _time, _prefix);
        await onA.SaveGrantAsync(Grant(_time.GetUtcNow()), Token);
        Assert.NotNull(await onA.GetGrantAsync("alice", "session-1", null, Token));

        await onB.RevokeGrantsAsync("alice", "session-1", Token);

        await RespClient.WaitUntilAsync(
            async () => await onA.GetGrantAsync("alice", "session-1", null, Token) is null,
            TimeSpan.FromSeconds(2),
            "the revocation reaches the other instance");
    }

    [Fact]
    public async Task ANewerGrantSavedOnAnotherInstanceReplacesTheCopy()
    {
        var onA = await ListeningAsync(RedisStores.Create(RedisStores.Connect(redis.Configuration), _time, _prefix));
        var onB = RedisStores.Create(RedisStores.Connect(redis.Configuration), _time, _prefix);
        var old = _time.GetUtcNow().AddMinutes(-30);
        await onA.SaveGrantAsync(Grant(old), Token);
        Assert.Equal(old, (await onA.GetGrantAsync("alice", "session-1", null, Token))!.VerifiedAt);

        var fresh = _time.GetUtcNow();
        await onB.SaveGrantAsync(Grant(fresh), Token);

        await RespClient.WaitUntilAsync(
            async () => (await onA.GetGrantAsync("alice", "session-1", null, Token))?.VerifiedAt == fresh,
            TimeSpan.FromSeconds(2),
            "the new grant reaches the other instance");
    }

    [Fact]
    public async Task WithCopiesOffEveryReadAsksRedis()
    {
        var connection = RedisStores.Connect(redis.Configuration);
        var store = RedisStores.Create(connection, _time, _prefix, grantCacheDuration: TimeSpan.Zero);
        await store.SaveGrantAsync(Grant(_time.GetUtcNow()), Token);
        var operations = await OperationsAsync(connection);

        await store.GetGrantAsync("alice", "session-1", null, Token);
        await store.GetGrantAsync("alice", "session-1", null, Token);

        Assert.InRange(await OperationsAsync(connection) - operations, 2, 3);
    }
}

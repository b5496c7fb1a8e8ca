using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Store;
using StepUp.Redis.Store;
using StepUp.Redis.Tests.Infrastructure;
using StepUp.Testing.Hosting;
using StepUp.Testing.Redis;

namespace StepUp.Redis.Tests.Store;

/// <summary>What the Redis store does beyond the contract: what it writes, how long it keeps it, how it fails.</summary>
public sealed class RedisStepUpStoreTests(RedisServerFixture redis)
{
    private const string PhoneNumber = "+31612345634";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero));
    private readonly string _prefix = RedisStores.NewPrefix();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PhoneNumbersAreNeitherInKeysNorInValues()
    {
        var store = RedisStores.Create(redis.Connection, _time, _prefix);
        await WriteOneOfEverythingAsync(store);

        var dump = await DumpAsync();

        Assert.NotEmpty(dump);
        Assert.All(dump, entry =>
        {
            Assert.DoesNotContain("612345634", entry.Key, StringComparison.Ordinal);
            Assert.DoesNotContain("612345634", entry.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task EveryKeyHasATimeToLiveButTheSharedSecret()
    {
        var store = RedisStores.Create(redis.Connection, _time, _prefix);
        await WriteOneOfEverythingAsync(store);
        await store.GetOrAddSecretAsync("hmac-key-v1", [1, 2, 3], Token);

        var server = redis.Inspector.GetServer(redis.Configuration);
        var withoutTtl = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: _prefix + "*"))
        {
            var ttl = await redis.Inspector.GetDatabase().KeyTimeToLiveAsync(key);
            if (ttl is null)
            {
                withoutTtl.Add(key!);
            }
        }

        Assert.Equal([_prefix + "secret:hmac-key-v1"], withoutTtl);
    }

    [Fact]
    public async Task TimesToLiveFollowTheCallersDurationsNotItsClock()
    {
        // The caller's clock is in 2001: absolute expiry times would have made Redis drop everything at once.
        var store = RedisStores.Create(redis.Connection, _time, _prefix);
        await store.SaveChallengeAsync(Challenge("alice"), Token);
        await store.SetVerifiedPhoneAsync("alice", new VerifiedPhone(PhoneNumber, _time.GetUtcNow(), PhoneChannel.Sms), Token);

        var db = redis.Inspector.GetDatabase();
        var challengeTtl = await db.KeyTimeToLiveAsync(_prefix + "{u:alice}:challenge");
        var phoneTtl = await db.KeyTimeToLiveAsync(_prefix + "{u:alice}:phone");

        Assert.InRange(challengeTtl!.Value, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
        Assert.InRange(phoneTtl!.Value, TimeSpan.FromDays(399), TimeSpan.FromDays(400));
    }

    [Fact]
    public async Task AValueWrittenWithOtherDataProtectionKeysFailsClosedWithAClearMessage()
    {
        var writer = RedisStores.Create(redis.Connection, _time, _prefix, new EphemeralDataProtectionProvider());
        var reader = RedisStores.Create(redis.Connection, _time, _prefix, new EphemeralDataProtectionProvider());
        await writer.SetVerifiedPhoneAsync("alice", new VerifiedPhone(PhoneNumber, _time.GetUtcNow(), PhoneChannel.Sms), Token);

        var ex = await Assert.ThrowsAsync<StepUpStoreException>(() => reader.GetVerifiedPhoneAsync("alice", Token));

        Assert.Contains("Data Protection keys", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PhoneNumber, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APhoneCopiedUnderAnotherUsersKeyIsRefused()
    {
        var dataProtection = new EphemeralDataProtectionProvider();
        var store = RedisStores.Create(redis.Connection, _time, _prefix, dataProtection);
        await store.SetVerifiedPhoneAsync("alice", new VerifiedPhone(PhoneNumber, _time.GetUtcNow(), PhoneChannel.Sms), Token);
        var db = redis.Inspector.GetDatabase();
        await db.StringSetAsync(_prefix + "{u:mallory}:phone", await db.StringGetAsync(_prefix + "{u:alice}:phone"));

        await Assert.ThrowsAsync<StepUpStoreException>(() => store.GetVerifiedPhoneAsync("mallory", Token));
    }

    [Fact]
    public async Task WhenRedisCannotBeReachedTheStoreFailsWithoutKeyNamesWithinTheOperationTimeout()
    {
        var logs = new CapturedLogs();
        await using var connection = RedisStores.Connect("127.0.0.1:" + RedisServer.FreePort(), TimeSpan.FromMilliseconds(300));
        var store = RedisStores.Create(connection, _time, "secret-prefix:", operationTimeout: TimeSpan.FromMilliseconds(300), logger: Logger(logs));

        var ex = await Assert.ThrowsAsync<StepUpStoreException>(() => store.GetGrantAsync("user-7f3a", "session-9c2b", null, Token));

        Assert.Null(ex.InnerException);
        Assert.DoesNotContain("user-7f3a", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-prefix", ex.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.Contains("[300]", StringComparison.Ordinal) && l.Contains(nameof(IStepUpStore.GetGrantAsync), StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("user-7f3a", StringComparison.Ordinal) || l.Contains("secret-prefix", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABusyRedisFailsTheOperationAndTheNextOneWorksWhenItIsFreeAgain()
    {
        await using var server = await RedisServer.StartAsync("--busy-reply-threshold", "20");
        await using var connection = RedisStores.Connect(server.EndPoint, TimeSpan.FromSeconds(2));
        var logs = new CapturedLogs();
        var store = RedisStores.Create(connection, _time, _prefix, logger: Logger(logs));
        await store.SetVerifiedPhoneAsync("alice", new VerifiedPhone(PhoneNumber, _time.GetUtcNow(), PhoneChannel.Sms), Token);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var busyScript = RespClient.SendAsync(server.Port, stop.Token, "EVAL", "while true do end", "0");
        await RespClient.WaitUntilAsync(
            async () => (await RespClient.SendAsync(server.Port, stop.Token, "PING")).StartsWith("-BUSY", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "Redis to answer BUSY");
        var ex = await Assert.ThrowsAsync<StepUpStoreException>(() => store.GetVerifiedPhoneAsync("alice", Token));
        Assert.Equal("+OK", await RespClient.SendAsync(server.Port, stop.Token, "SCRIPT", "KILL"));
        await busyScript;

        Assert.DoesNotContain("alice", ex.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.Contains("RedisServerException BUSY", StringComparison.Ordinal));
        Assert.Equal(PhoneNumber, (await store.GetVerifiedPhoneAsync("alice", Token))?.PhoneNumber);
    }

    [Fact]
    public async Task ACancelledRequestIsCancelledNotReportedAsAnOutage()
    {
        var store = RedisStores.Create(redis.Connection, _time, _prefix);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetGrantAsync("alice", "s1", null, cancelled.Token));
    }

    private static ILogger<RedisStepUpStore> Logger(CapturedLogs logs) =>
        LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)).CreateLogger<RedisStepUpStore>();

    private PendingChallenge Challenge(string userId) => new()
    {
        ChallengeId = "c1",
        UserId = userId,
        Purpose = ChallengePurpose.Enrollment,
        Channel = PhoneChannel.Sms,
        PhoneNumber = PhoneNumber,
        CodeHash = System.Text.Encoding.UTF8.GetBytes("hmac-of-the-code"),
        CreatedAt = _time.GetUtcNow(),
        ExpiresAt = _time.GetUtcNow() + TimeSpan.FromMinutes(5),
    };

    private async Task WriteOneOfEverythingAsync(RedisStepUpStore store)
    {
        var now = _time.GetUtcNow();
        await store.SetVerifiedPhoneAsync("alice", new VerifiedPhone(PhoneNumber, now, PhoneChannel.Sms), Token);
        await store.SaveChallengeAsync(Challenge("alice"), Token);
        await store.CheckCodeAsync(new CodeCheckRequest("alice", "c1", [1, 2, 3], null, now, 5, 10, TimeSpan.FromHours(1)), Token);
        await store.TryRecordSendAsync(new SendAttempt("alice", "phone-hmac", "client-hmac", now, new SendLimits(5, 5, 20, TimeSpan.FromHours(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10))), Token);
        await store.SaveGrantAsync(new StepUpGrant("alice", "s1", null, PhoneChannel.Sms, now, now + TimeSpan.FromMinutes(10)), Token);
        await store.SaveGrantAsync(new StepUpGrant("alice", "s1", "digest", PhoneChannel.Sms, now, now + TimeSpan.FromMinutes(10)), Token);
    }

    /// <summary>Every key under the test's prefix with its value(s) as text.</summary>
    private async Task<Dictionary<string, string>> DumpAsync()
    {
        var db = redis.Inspector.GetDatabase();
        var dump = new Dictionary<string, string>();
        await foreach (var key in redis.Inspector.GetServer(redis.Configuration).KeysAsync(pattern: _prefix + "*"))
        {
            var type = await db.KeyTypeAsync(key);
            dump[key!] = type switch
            {
                RedisType.String => (string?)await db.StringGetAsync(key) ?? string.Empty,
                RedisType.Hash => string.Join('\n', (await db.HashGetAllAsync(key)).Select(e => e.Name + "=" + e.Value)),
                RedisType.List => string.Join('\n', await db.ListRangeAsync(key)),
                _ => type.ToString(),
            };
        }

        return dump;
    }
}

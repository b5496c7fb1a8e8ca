using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StepUp.AspNetCore.Store;
using StepUp.Redis.Connection;
using StepUp.Redis.Diagnostics;

namespace StepUp.Redis.Store;

/// <summary>
/// <see cref="IStepUpStore"/> on Redis, shared by every app instance. Each member is one command or one Lua script: one
/// round trip, atomic, cluster-safe (see <see cref="RedisKeys"/> and <see cref="RedisScripts"/>). Values holding a phone
/// number are protected with Data Protection. Every key has a TTL except the one HMAC key (a fixed-size value that must
/// outlive everything it signs). Redis failures become <see cref="StepUpStoreException"/> without key names; the
/// multiplexer reconnects by itself, so the next operation after Redis returns works.
/// </summary>
internal sealed class RedisStepUpStore : IStepUpStore
{
    /// <summary>How long a key outlives the logical expiry of what it holds: room for clock skew between instances.</summary>
    internal static readonly TimeSpan CleanupSlack = TimeSpan.FromMinutes(1);

    private const string SessionGrantField = "s";
    private const string TransactionGrantFieldPrefix = "t:";

    private readonly RedisConnection _connection;
    private readonly RedisValueProtector _protector;
    private readonly RedisKeys _keys;
    private readonly TimeProvider _time;
    private readonly TimeSpan _operationTimeout;
    private readonly TimeSpan _phoneLifetime;
    private readonly ILogger _logger;
    private readonly RedisGrantCache _grantCache;

    public RedisStepUpStore(
        RedisConnection connection,
        RedisValueProtector protector,
        IOptions<RedisStepUpStoreOptions> options,
        TimeProvider time,
        ILogger<RedisStepUpStore> logger)
    {
        var value = options.Value;
        _connection = connection;
        _protector = protector;
        _keys = new RedisKeys(value.KeyPrefix);
        _time = time;
        _operationTimeout = value.OperationTimeout;
        _phoneLifetime = value.VerifiedPhoneLifetime;
        _logger = logger;
        _grantCache = new RedisGrantCache(connection, value.KeyPrefix, value.GrantCacheDuration, time, logger);
    }

    /// <summary>Whether this instance answers session-grant reads from its copies now (for tests and diagnostics).</summary>
    internal bool GrantCopiesInUse => _grantCache.Listening;

    /// <summary>How many grant copies this instance holds (for tests and diagnostics).</summary>
    internal int GrantCopies => _grantCache.Count;

    /// <inheritdoc />
    public async Task<VerifiedPhone?> GetVerifiedPhoneAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var key = _keys.VerifiedPhone(userId);
        // GETEX: every use of the attached number (a code sent to it, the step-up page) keeps it attached for another lifetime.
        var value = await RunAsync(nameof(GetVerifiedPhoneAsync), db => db.StringGetSetExpiryAsync(key, _phoneLifetime), cancellationToken).ConfigureAwait(false);
        if (value.IsNull)
        {
            return null;
        }

        var stored = _protector.UnprotectPhone((byte[])value!);
        if (stored is null || !string.Equals(stored.UserId, userId, StringComparison.Ordinal))
        {
            throw Unreadable("verified phone");
        }

        return new VerifiedPhone(stored.PhoneNumber, stored.VerifiedAt, stored.Channel);
    }

    /// <inheritdoc />
    public Task SetVerifiedPhoneAsync(string userId, VerifiedPhone phone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(phone);
        var key = _keys.VerifiedPhone(userId);
        var value = _protector.Protect(new StoredVerifiedPhone(userId, phone.PhoneNumber, phone.VerifiedAt, phone.Channel));
        return RunAsync(nameof(SetVerifiedPhoneAsync), db => db.StringSetAsync(key, value, _phoneLifetime), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RemoveVerifiedPhoneAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var key = _keys.VerifiedPhone(userId);
        return RunAsync(nameof(RemoveVerifiedPhoneAsync), db => db.KeyDeleteAsync(key), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SendPermit> TryRecordSendAsync(SendAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var limits = attempt.Limits;
        var parameters = new
        {
            user = _keys.UserSends(attempt.UserId),
            phone = _keys.PhoneSends(attempt.PhoneKey),
            client = _keys.ClientSends(attempt.ClientKey),
            now = attempt.Now.ToUnixTimeMilliseconds(),
            window = Milliseconds(limits.Window),
            perUser = limits.PerUser,
            perPhone = limits.PerPhoneNumber,
            perClient = limits.PerClientAddress,
            hasClient = attempt.ClientKey is null ? 0 : 1,
            cooldown = Milliseconds(limits.Cooldown),
            maxCooldown = Milliseconds(limits.MaxCooldown),
            slack = Milliseconds(CleanupSlack),
        };
        var result = (RedisResult[])(await RunAsync(nameof(TryRecordSendAsync), db => db.ScriptEvaluateAsync(RedisScripts.RecordSend, parameters), cancellationToken).ConfigureAwait(false))!;
        var allowed = (int)result[0] == 1;
        var count = (int)result[3];
        if (allowed)
        {
            return new SendPermit(true, SendLimitKind.None, limits.CooldownAfter(count), count);
        }

        var limit = (int)result[1] switch
        {
            1 => SendLimitKind.Cooldown,
            2 => SendLimitKind.User,
            3 => SendLimitKind.PhoneNumber,
            4 => SendLimitKind.ClientAddress,
            var other => throw new InvalidOperationException($"The send script answered an unknown limit ({other})."),
        };
        return new SendPermit(false, limit, TimeSpan.FromMilliseconds((long)result[2]), count);
    }

    /// <inheritdoc />
    public Task SaveChallengeAsync(PendingChallenge challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var data = _protector.Protect(new StoredChallenge(
            challenge.UserId,
            challenge.ChallengeId,
            challenge.Purpose,
            challenge.Channel,
            challenge.PhoneNumber,
            challenge.ProviderRequestId,
            challenge.TransactionDigest,
            challenge.CreatedAt,
            challenge.ExpiresAt));
        var parameters = new
        {
            challenge = _keys.Challenge(challenge.UserId),
            id = challenge.ChallengeId,
            expiresAt = challenge.ExpiresAt.ToUnixTimeMilliseconds(),
            attempts = challenge.Attempts,
            data,
            hasCode = challenge.CodeHash is null ? 0 : 1,
            code = challenge.CodeHash ?? [],
            ttl = TimeToLive(challenge.ExpiresAt),
        };
        return RunAsync(nameof(SaveChallengeAsync), db => db.ScriptEvaluateAsync(RedisScripts.SaveChallenge, parameters), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PendingChallenge?> GetChallengeAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var key = _keys.Challenge(userId);
        var fields = await RunAsync(nameof(GetChallengeAsync), db => db.HashGetAsync(key, [(RedisValue)"data", (RedisValue)"att", (RedisValue)"code"]), cancellationToken).ConfigureAwait(false);
        if (fields[0].IsNull)
        {
            return null;
        }

        return ReadChallenge(userId, (byte[])fields[0]!, (int)fields[1], fields[2].IsNull ? null : (byte[])fields[2]!);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveChallengeAsync(string userId, string challengeId, bool releaseCooldown, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(challengeId);
        var parameters = new { challenge = _keys.Challenge(userId), id = challengeId };
        var userSends = _keys.UserSends(userId);
        var result = await RunAsync(
            nameof(RemoveChallengeAsync),
            async db =>
            {
                // The cooldown lives with the send counters (another hash slot): both commands are sent together, in one
                // round trip. They need not be atomic together: the cooldown is lifted whether or not the id matched.
                var release = releaseCooldown ? db.HashDeleteAsync(userSends, "cd") : Task.FromResult(false);
                var remove = db.ScriptEvaluateAsync(RedisScripts.RemoveChallenge, parameters);
                await Task.WhenAll(release, remove).ConfigureAwait(false);
                return await remove.ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return (int)result == 1;
    }

    /// <inheritdoc />
    public async Task<CodeCheck> CheckCodeAsync(CodeCheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new
        {
            challenge = _keys.Challenge(request.UserId),
            failures = _keys.Failures(request.UserId),
            id = request.ChallengeId,
            now = request.Now.ToUnixTimeMilliseconds(),
            codeHash = request.CodeHash ?? [],
            verdict = request.ProviderVerdict switch { null => -1, true => 1, false => 0 },
            maxAttempts = request.MaxAttempts,
            maxFailures = request.MaxUserFailures,
            window = Milliseconds(request.FailureWindow),
            slack = Milliseconds(CleanupSlack),
        };
        var result = (RedisResult[])(await RunAsync(nameof(CheckCodeAsync), db => db.ScriptEvaluateAsync(RedisScripts.CheckCode, parameters), cancellationToken).ConfigureAwait(false))!;
        var attemptsLeft = (int)result[1];
        switch ((int)result[0])
        {
            case 1:
                var code = (byte[]?)result[4];
                var challenge = ReadChallenge(request.UserId, (byte[])result[2]!, (int)result[3], code is { Length: > 0 } ? code : null);
                return new CodeCheck(CodeCheckStatus.Verified, attemptsLeft, challenge);
            case 2:
                return new CodeCheck(CodeCheckStatus.WrongCode, attemptsLeft, null);
            case 4:
                return new CodeCheck(CodeCheckStatus.TooManyAttempts, 0, null);
            default:
                return new CodeCheck(CodeCheckStatus.Expired, 0, null);
        }
    }

    /// <inheritdoc />
    public Task SaveGrantAsync(StepUpGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var json = JsonSerializer.Serialize(new StoredGrant(grant.Channel, grant.VerifiedAt, grant.ExpiresAt), RedisStoreJsonContext.Default.StoredGrant);
        var parameters = new
        {
            grants = _keys.Grants(grant.UserId, grant.SessionId),
            field = GrantField(grant.TransactionDigest),
            value = Math.Max(0, grant.ExpiresAt.ToUnixTimeMilliseconds()).ToString(CultureInfo.InvariantCulture) + ":" + json,
            now = _time.GetUtcNow().ToUnixTimeMilliseconds(),
            slack = Milliseconds(CleanupSlack),
        };
        if (grant.TransactionDigest is not null || !_grantCache.Enabled)
        {
            return RunAsync(nameof(SaveGrantAsync), db => db.ScriptEvaluateAsync(RedisScripts.SaveGrant, parameters), cancellationToken);
        }

        // A replaced session grant must not be shadowed by an older copy on another instance.
        return RunAsync(
            nameof(SaveGrantAsync),
            async db =>
            {
                var saved = db.ScriptEvaluateAsync(RedisScripts.SaveGrant, parameters);
                await _grantCache.PublishChangeAsync(db, parameters.grants.ToString()).ConfigureAwait(false);
                return await saved.ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StepUpGrant?> GetGrantAsync(string userId, string sessionId, string? transactionDigest = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(sessionId);
        var key = _keys.Grants(userId, sessionId);
        var cacheable = transactionDigest is null && _grantCache.Enabled;
        if (cacheable && _grantCache.Find(key.ToString()) is { } copy && copy.ExpiresAt > _time.GetUtcNow())
        {
            return copy;
        }

        var field = GrantField(transactionDigest);
        var value = await RunAsync(nameof(GetGrantAsync), db => db.HashGetAsync(key, field), cancellationToken).ConfigureAwait(false);
        var grant = LiveGrant(userId, sessionId, transactionDigest, value);
        if (cacheable && grant is not null)
        {
            _grantCache.Keep(key.ToString(), grant);
        }

        return grant;
    }

    /// <inheritdoc />
    public async Task<StepUpGrant?> ConsumeGrantAsync(string userId, string sessionId, string transactionDigest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(transactionDigest);
        var parameters = new { grants = _keys.Grants(userId, sessionId), field = GrantField(transactionDigest) };
        var result = await RunAsync(nameof(ConsumeGrantAsync), db => db.ScriptEvaluateAsync(RedisScripts.ConsumeGrant, parameters), cancellationToken).ConfigureAwait(false);
        return LiveGrant(userId, sessionId, transactionDigest, (RedisValue)result);
    }

    /// <inheritdoc />
    public Task RevokeGrantsAsync(string userId, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(sessionId);
        var key = _keys.Grants(userId, sessionId);
        if (!_grantCache.Enabled)
        {
            return RunAsync(nameof(RevokeGrantsAsync), db => db.KeyDeleteAsync(key), cancellationToken);
        }

        return RunAsync(
            nameof(RevokeGrantsAsync),
            async db =>
            {
                var deleted = db.KeyDeleteAsync(key);
                await _grantCache.PublishChangeAsync(db, key.ToString()).ConfigureAwait(false);
                return await deleted.ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<byte[]> GetOrAddSecretAsync(string name, byte[] candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidate);
        var parameters = new { secret = _keys.Secret(name), candidate };
        var result = await RunAsync(nameof(GetOrAddSecretAsync), db => db.ScriptEvaluateAsync(RedisScripts.GetOrAddSecret, parameters), cancellationToken).ConfigureAwait(false);
        return (byte[])result!;
    }

    private static string GrantField(string? transactionDigest) =>
        transactionDigest is null ? SessionGrantField : TransactionGrantFieldPrefix + transactionDigest;

    private static long Milliseconds(TimeSpan value) => (long)Math.Ceiling(value.TotalMilliseconds);

    private StepUpGrant? LiveGrant(string userId, string sessionId, string? transactionDigest, RedisValue value)
    {
        if (value.IsNull)
        {
            return null;
        }

        var text = (string)value!;
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        StoredGrant? stored;
        try
        {
            stored = separator < 0 ? null : JsonSerializer.Deserialize(text.AsSpan(separator + 1), RedisStoreJsonContext.Default.StoredGrant);
        }
        catch (JsonException)
        {
            stored = null;
        }

        // An unreadable grant grants nothing.
        return stored is not null && stored.ExpiresAt > _time.GetUtcNow()
            ? new StepUpGrant(userId, sessionId, transactionDigest, stored.Channel, stored.VerifiedAt, stored.ExpiresAt)
            : null;
    }

    private PendingChallenge ReadChallenge(string userId, byte[] data, int attempts, byte[]? codeHash)
    {
        var stored = _protector.UnprotectChallenge(data);
        if (stored is null || !string.Equals(stored.UserId, userId, StringComparison.Ordinal))
        {
            throw Unreadable("pending challenge");
        }

        return new PendingChallenge
        {
            ChallengeId = stored.ChallengeId,
            UserId = stored.UserId,
            Purpose = stored.Purpose,
            Channel = stored.Channel,
            PhoneNumber = stored.PhoneNumber,
            CodeHash = codeHash,
            ProviderRequestId = stored.ProviderRequestId,
            TransactionDigest = stored.TransactionDigest,
            CreatedAt = stored.CreatedAt,
            ExpiresAt = stored.ExpiresAt,
            Attempts = attempts,
        };
    }

    /// <summary>The key's clean-up bound: the logical lifetime left (by this instance's clock) plus <see cref="CleanupSlack"/>.</summary>
    private long TimeToLive(DateTimeOffset expiresAt)
    {
        var left = expiresAt - _time.GetUtcNow();
        return Milliseconds((left > TimeSpan.Zero ? left : TimeSpan.Zero) + CleanupSlack);
    }

    private StepUpStoreException Unreadable(string valueKind)
    {
        _logger.ValueUnreadable(valueKind);
        return new StepUpStoreException(
            $"A stored {valueKind} cannot be read with this app's Data Protection keys. Every instance sharing the StepUp Redis store must share its Data Protection keys (AddRedisStore().PersistDataProtectionKeys()).");
    }

    /// <summary>
    /// Runs one operation within <see cref="RedisStepUpStoreOptions.OperationTimeout"/> (connecting included) and turns
    /// Redis failures into <see cref="StepUpStoreException"/> with no key names and no inner exception.
    /// </summary>
    private async Task<T> RunAsync<T>(string operation, Func<IDatabase, Task<T>> action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var task = RunCoreAsync(action);
        try
        {
            return await task.WaitAsync(_operationTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailures.IsStoreFailure(ex))
        {
            if (!task.IsCompleted)
            {
                // Abandoned by the timeout: observe its outcome so it is not reported as unobserved later.
                _ = task.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            var type = ex.GetType().Name;
            _logger.OperationFailed(operation, type, RedisFailures.ServerErrorCode(ex));
            throw new StepUpStoreException($"The StepUp Redis store is unavailable ({type}). Protected endpoints answer 503 until it answers again.");
        }
        catch (OperationCanceledException) when (!task.IsCompleted)
        {
            _ = task.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    private async Task<T> RunCoreAsync<T>(Func<IDatabase, Task<T>> action)
    {
        var db = await _connection.GetDatabaseAsync().ConfigureAwait(false);
        return await action(db).ConfigureAwait(false);
    }
}

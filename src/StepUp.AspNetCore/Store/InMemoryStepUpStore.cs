using System.Security.Cryptography;

namespace StepUp.AspNetCore.Store;

/// <summary>
/// A single-process <see cref="IStepUpStore"/> for development and tests: every operation runs under one lock, so it is
/// atomic. It refuses to start in Production (state is lost on restart and not shared between instances): use
/// StepUp.Redis there. Expired entries are swept as it is written to, so it does not grow without bound.
/// </summary>
public sealed class InMemoryStepUpStore : IStepUpStore
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, VerifiedPhone> _phones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingChallenge> _challenges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _cooldowns = new(StringComparer.Ordinal);
    private readonly Dictionary<(string User, string Session, string Transaction), StepUpGrant> _grants = [];
    private readonly Dictionary<string, byte[]> _secrets = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep;

    /// <summary>Creates the store.</summary>
    public InMemoryStepUpStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
    }

    /// <inheritdoc />
    public Task<VerifiedPhone?> GetVerifiedPhoneAsync(string userId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_phones.GetValueOrDefault(userId));
        }
    }

    /// <inheritdoc />
    public Task SetVerifiedPhoneAsync(string userId, VerifiedPhone phone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phone);
        lock (_lock)
        {
            _phones[userId] = phone;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> RemoveVerifiedPhoneAsync(string userId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_phones.Remove(userId));
        }
    }

    /// <inheritdoc />
    public Task<SendPermit> TryRecordSendAsync(SendAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var now = attempt.Now;
        var limits = attempt.Limits;
        lock (_lock)
        {
            Sweep(now);
            var userKey = "u:" + attempt.UserId;
            if (_cooldowns.TryGetValue(userKey, out var until) && until > now)
            {
                return Task.FromResult(new SendPermit(false, SendLimitKind.Cooldown, until - now, Current(userKey, now, limits.Window)));
            }

            var checks = new List<(string Key, int Limit, SendLimitKind Kind)>
            {
                (userKey, limits.PerUser, SendLimitKind.User),
                ("p:" + attempt.PhoneKey, limits.PerPhoneNumber, SendLimitKind.PhoneNumber),
            };
            if (attempt.ClientKey is not null)
            {
                checks.Add(("c:" + attempt.ClientKey, limits.PerClientAddress, SendLimitKind.ClientAddress));
            }

            foreach (var (key, limit, kind) in checks)
            {
                if (_counters.TryGetValue(key, out var counter) && counter.WindowEnd > now && counter.Count >= limit)
                {
                    return Task.FromResult(new SendPermit(false, kind, counter.WindowEnd - now, Current(userKey, now, limits.Window)));
                }
            }

            foreach (var (key, _, _) in checks)
            {
                _counters[key] = _counters.TryGetValue(key, out var counter) && counter.WindowEnd > now
                    ? counter with { Count = counter.Count + 1 }
                    : new Counter(1, now + limits.Window);
            }

            var count = _counters[userKey].Count;
            var cooldown = limits.CooldownAfter(count);
            _cooldowns[userKey] = now + cooldown;
            return Task.FromResult(new SendPermit(true, SendLimitKind.None, cooldown, count));
        }
    }

    /// <inheritdoc />
    public Task SaveChallengeAsync(PendingChallenge challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        lock (_lock)
        {
            _challenges[challenge.UserId] = challenge;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PendingChallenge?> GetChallengeAsync(string userId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_challenges.GetValueOrDefault(userId));
        }
    }

    /// <inheritdoc />
    public Task<bool> RemoveChallengeAsync(string userId, string challengeId, bool releaseCooldown, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (releaseCooldown)
            {
                _cooldowns.Remove("u:" + userId);
            }

            if (_challenges.TryGetValue(userId, out var existing) && existing.ChallengeId == challengeId)
            {
                _challenges.Remove(userId);
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    /// <inheritdoc />
    public Task<CodeCheck> CheckCodeAsync(CodeCheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = request.Now;
        lock (_lock)
        {
            if (!_challenges.TryGetValue(request.UserId, out var challenge) || challenge.ChallengeId != request.ChallengeId || challenge.ExpiresAt <= now)
            {
                return Task.FromResult(new CodeCheck(CodeCheckStatus.Expired, 0, null));
            }

            var failureKey = "f:" + request.UserId;
            var failures = _counters.TryGetValue(failureKey, out var f) && f.WindowEnd > now ? f.Count : 0;
            if (challenge.Attempts >= request.MaxAttempts || failures >= request.MaxUserFailures)
            {
                return Task.FromResult(new CodeCheck(CodeCheckStatus.TooManyAttempts, 0, null));
            }

            var match = request.ProviderVerdict ?? (challenge.CodeHash is not null && request.CodeHash is not null &&
                CryptographicOperations.FixedTimeEquals(challenge.CodeHash, request.CodeHash));
            if (match)
            {
                _challenges.Remove(request.UserId);
                _counters.Remove(failureKey);
                return Task.FromResult(new CodeCheck(CodeCheckStatus.Verified, request.MaxAttempts - challenge.Attempts, challenge));
            }

            var attempts = challenge.Attempts + 1;
            _challenges[request.UserId] = challenge with { Attempts = attempts };
            _counters[failureKey] = failures == 0 ? new Counter(1, now + request.FailureWindow) : f! with { Count = failures + 1 };
            var left = Math.Max(0, Math.Min(request.MaxAttempts - attempts, request.MaxUserFailures - failures - 1));
            return Task.FromResult(new CodeCheck(CodeCheckStatus.WrongCode, left, null));
        }
    }

    /// <inheritdoc />
    public Task SaveGrantAsync(StepUpGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        lock (_lock)
        {
            _grants[(grant.UserId, grant.SessionId, grant.TransactionDigest ?? string.Empty)] = grant;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<StepUpGrant?> GetGrantAsync(string userId, string sessionId, string? transactionDigest = null, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            return Task.FromResult(_grants.TryGetValue((userId, sessionId, transactionDigest ?? string.Empty), out var grant) && grant.ExpiresAt > now ? grant : null);
        }
    }

    /// <inheritdoc />
    public Task<StepUpGrant?> ConsumeGrantAsync(string userId, string sessionId, string transactionDigest, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(transactionDigest);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            return Task.FromResult(_grants.Remove((userId, sessionId, transactionDigest), out var grant) && grant.ExpiresAt > now ? grant : null);
        }
    }

    /// <inheritdoc />
    public Task RevokeGrantsAsync(string userId, string sessionId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            foreach (var key in _grants.Keys.Where(k => k.User == userId && k.Session == sessionId).ToList())
            {
                _grants.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<byte[]> GetOrAddSecretAsync(string name, byte[] candidate, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_secrets.TryGetValue(name, out var value))
            {
                _secrets[name] = value = candidate;
            }

            return Task.FromResult(value);
        }
    }

    private int Current(string key, DateTimeOffset now, TimeSpan window) =>
        _counters.TryGetValue(key, out var counter) && counter.WindowEnd > now ? counter.Count : 0;

    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var key in _counters.Where(kv => kv.Value.WindowEnd <= now).Select(kv => kv.Key).ToList())
        {
            _counters.Remove(key);
        }

        foreach (var key in _cooldowns.Where(kv => kv.Value <= now).Select(kv => kv.Key).ToList())
        {
            _cooldowns.Remove(key);
        }

        foreach (var key in _challenges.Where(kv => kv.Value.ExpiresAt <= now).Select(kv => kv.Key).ToList())
        {
            _challenges.Remove(key);
        }

        foreach (var key in _grants.Where(kv => kv.Value.ExpiresAt <= now).Select(kv => kv.Key).ToList())
        {
            _grants.Remove(key);
        }
    }

    private sealed record Counter(int Count, DateTimeOffset WindowEnd);
}

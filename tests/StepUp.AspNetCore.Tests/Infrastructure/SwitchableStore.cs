using StepUp.AspNetCore.Store;

namespace StepUp.AspNetCore.Tests;

/// <summary>An in-memory store that can be switched off (every call throws <see cref="StepUpStoreException"/>) and counts calls.</summary>
internal sealed class SwitchableStore(TimeProvider time) : IStepUpStore
{
    private InMemoryStepUpStore _inner = new(time);
    private int _calls;

    public bool Down { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Forgets everything, as a Redis restarted without persistence would.</summary>
    public void Flush() => _inner = new InMemoryStepUpStore(time);

    public Task<VerifiedPhone?> GetVerifiedPhoneAsync(string userId, CancellationToken cancellationToken = default) => Call(() => _inner.GetVerifiedPhoneAsync(userId, cancellationToken));

    public Task SetVerifiedPhoneAsync(string userId, VerifiedPhone phone, CancellationToken cancellationToken = default) => Call(() => _inner.SetVerifiedPhoneAsync(userId, phone, cancellationToken));

    public Task<bool> RemoveVerifiedPhoneAsync(string userId, CancellationToken cancellationToken = default) => Call(() => _inner.RemoveVerifiedPhoneAsync(userId, cancellationToken));

    public Task<SendPermit> TryRecordSendAsync(SendAttempt attempt, CancellationToken cancellationToken = default) => Call(() => _inner.TryRecordSendAsync(attempt, cancellationToken));

    public Task SaveChallengeAsync(PendingChallenge challenge, CancellationToken cancellationToken = default) => Call(() => _inner.SaveChallengeAsync(challenge, cancellationToken));

    public Task<PendingChallenge?> GetChallengeAsync(string userId, CancellationToken cancellationToken = default) => Call(() => _inner.GetChallengeAsync(userId, cancellationToken));

    public Task<bool> RemoveChallengeAsync(string userId, string challengeId, bool releaseCooldown, CancellationToken cancellationToken = default) => Call(() => _inner.RemoveChallengeAsync(userId, challengeId, releaseCooldown, cancellationToken));

    public Task<CodeCheck> CheckCodeAsync(CodeCheckRequest request, CancellationToken cancellationToken = default) => Call(() => _inner.CheckCodeAsync(request, cancellationToken));

    public Task SaveGrantAsync(StepUpGrant grant, CancellationToken cancellationToken = default) => Call(() => _inner.SaveGrantAsync(grant, cancellationToken));

    public Task<StepUpGrant?> GetGrantAsync(string userId, string sessionId, string? transactionDigest = null, CancellationToken cancellationToken = default) => Call(() => _inner.GetGrantAsync(userId, sessionId, transactionDigest, cancellationToken));

    public Task<StepUpGrant?> ConsumeGrantAsync(string userId, string sessionId, string transactionDigest, CancellationToken cancellationToken = default) => Call(() => _inner.ConsumeGrantAsync(userId, sessionId, transactionDigest, cancellationToken));

    public Task RevokeGrantsAsync(string userId, string sessionId, CancellationToken cancellationToken = default) => Call(() => _inner.RevokeGrantsAsync(userId, sessionId, cancellationToken));

    public Task<byte[]> GetOrAddSecretAsync(string name, byte[] candidate, CancellationToken cancellationToken = default) => Call(() => _inner.GetOrAddSecretAsync(name, candidate, cancellationToken));

    private Task<T> Call<T>(Func<Task<T>> call)
    {
        Interlocked.Increment(ref _calls);
        return Down ? Task.FromException<T>(new StepUpStoreException("The StepUp store is unavailable (test switch).")) : call();
    }

    private Task Call(Func<Task> call)
    {
        Interlocked.Increment(ref _calls);
        return Down ? Task.FromException(new StepUpStoreException("The StepUp store is unavailable (test switch).")) : call();
    }
}

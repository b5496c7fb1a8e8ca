namespace StepUp.AspNetCore.Store;

/// <summary>
/// Where StepUp keeps verified phones, pending codes, counters and grants. Every member is one atomic operation that a
/// networked store can do in one round trip. Implementations throw <see cref="StepUpStoreException"/> when the store
/// cannot be reached, so that protected endpoints fail closed with 503.
/// </summary>
/// <remarks>
/// Keys must never contain a phone number, a code or a secret: callers pass user ids, opaque ids and HMACs only.
/// Stores that persist outside the process must protect values holding a phone number.
/// All times come from the caller (its <see cref="TimeProvider"/>); a store's own expiry is only a clean-up bound.
/// </remarks>
public interface IStepUpStore
{
    /// <summary>Reads the verified phone attached to <paramref name="userId"/>, or <see langword="null"/>.</summary>
    Task<VerifiedPhone?> GetVerifiedPhoneAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Attaches (or replaces) the verified phone of <paramref name="userId"/>.</summary>
    Task SetVerifiedPhoneAsync(string userId, VerifiedPhone phone, CancellationToken cancellationToken = default);

    /// <summary>Detaches the verified phone of <paramref name="userId"/>; <see langword="true"/> when one was attached.</summary>
    Task<bool> RemoveVerifiedPhoneAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one send against the user, phone-number and client-address limits and the user's resend cooldown, all or
    /// nothing: when any limit is reached nothing is counted and the permit says which limit and for how long.
    /// </summary>
    Task<SendPermit> TryRecordSendAsync(SendAttempt attempt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="challenge"/> as the user's only pending challenge, replacing any other. It never resets the
    /// user's failure budget.
    /// </summary>
    Task SaveChallengeAsync(PendingChallenge challenge, CancellationToken cancellationToken = default);

    /// <summary>Reads the user's pending challenge (expired or not), or <see langword="null"/>.</summary>
    Task<PendingChallenge?> GetChallengeAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the user's pending challenge when its id is <paramref name="challengeId"/>. With
    /// <paramref name="releaseCooldown"/> the resend cooldown is lifted too (the code never reached the user).
    /// </summary>
    Task<bool> RemoveChallengeAsync(string userId, string challengeId, bool releaseCooldown, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a code and consumes the challenge on success, or counts one failed try against the challenge and the user's
    /// failure budget, atomically: under any concurrency at most one check succeeds and no more tries are counted than allowed.
    /// </summary>
    Task<CodeCheck> CheckCodeAsync(CodeCheckRequest request, CancellationToken cancellationToken = default);

    /// <summary>Records a grant (replacing one for the same user, session and transaction).</summary>
    Task SaveGrantAsync(StepUpGrant grant, CancellationToken cancellationToken = default);

    /// <summary>Reads the grant for a user's session (and transaction, when given), or <see langword="null"/>.</summary>
    Task<StepUpGrant?> GetGrantAsync(string userId, string sessionId, string? transactionDigest = null, CancellationToken cancellationToken = default);

    /// <summary>Removes and returns a transaction grant; under any concurrency only one caller gets it.</summary>
    Task<StepUpGrant?> ConsumeGrantAsync(string userId, string sessionId, string transactionDigest, CancellationToken cancellationToken = default);

    /// <summary>Removes every grant of the user's session (session and transaction grants).</summary>
    Task RevokeGrantsAsync(string userId, string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the secret stored under <paramref name="name"/>, storing <paramref name="candidate"/> first if there is none,
    /// so that every app instance sharing the store agrees on it. The value is already protected by the caller.
    /// </summary>
    Task<byte[]> GetOrAddSecretAsync(string name, byte[] candidate, CancellationToken cancellationToken = default);
}

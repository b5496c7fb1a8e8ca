namespace StepUp.AspNetCore.Store;

/// <summary>Proof that a user verified their phone in a given session (and, optionally, for one transaction).</summary>
/// <param name="UserId">The user.</param>
/// <param name="SessionId">The opaque id of the session it was earned in.</param>
/// <param name="TransactionDigest">The approved operation's digest, for a one-use transaction grant.</param>
/// <param name="Channel">How the phone was verified.</param>
/// <param name="VerifiedAt">When.</param>
/// <param name="ExpiresAt">When the store may forget it.</param>
public sealed record StepUpGrant(
    string UserId,
    string SessionId,
    string? TransactionDigest,
    PhoneChannel Channel,
    DateTimeOffset VerifiedAt,
    DateTimeOffset ExpiresAt);

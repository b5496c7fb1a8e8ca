using StepUp.AspNetCore;
using StepUp.AspNetCore.Store;

namespace StepUp.Redis.Store;

/// <summary>
/// The protected part of a pending challenge: everything but the try count (counted by the scripts) and the code HMAC
/// (compared by the scripts). It names its user, so a value copied under another user's key is refused.
/// </summary>
internal sealed record StoredChallenge(
    string UserId,
    string ChallengeId,
    ChallengePurpose Purpose,
    PhoneChannel Channel,
    string PhoneNumber,
    string? ProviderRequestId,
    string? TransactionDigest,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

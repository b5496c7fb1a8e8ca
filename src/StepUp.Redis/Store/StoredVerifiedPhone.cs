using StepUp.AspNetCore;

namespace StepUp.Redis.Store;

/// <summary>The protected value of a verified phone. It names its user, so a value copied under another user's key is refused.</summary>
internal sealed record StoredVerifiedPhone(string UserId, string PhoneNumber, DateTimeOffset VerifiedAt, PhoneChannel Channel);

using StepUp.AspNetCore;

namespace StepUp.Redis.Store;

/// <summary>The value of a grant (no phone number, so not protected); user, session and transaction are in its key and field.</summary>
internal sealed record StoredGrant(PhoneChannel Channel, DateTimeOffset VerifiedAt, DateTimeOffset ExpiresAt);

namespace StepUp.AspNetCore.Store;

/// <summary>Why a code was sent; a code is valid only for its purpose.</summary>
public enum ChallengePurpose
{
    /// <summary>Verify the phone already attached to the user (step-up).</summary>
    StepUp = 1,

    /// <summary>Verify a new number and attach it (the user had none).</summary>
    Enrollment = 2,

    /// <summary>Verify a new number that replaces the attached one (requires a fresh grant).</summary>
    ChangePhone = 3,
}

/// <summary>A code that was sent and not yet used.</summary>
public sealed record PendingChallenge
{
    /// <summary>Opaque random id of this challenge.</summary>
    public required string ChallengeId { get; init; }

    /// <summary>The user the code belongs to.</summary>
    public required string UserId { get; init; }

    /// <summary>What the code is for.</summary>
    public required ChallengePurpose Purpose { get; init; }

    /// <summary>How it was sent.</summary>
    public required PhoneChannel Channel { get; init; }

    /// <summary>The destination number, E.164. Persistent stores protect it at rest.</summary>
    public required string PhoneNumber { get; init; }

    /// <summary>HMAC of the code (StepUp-generated codes), or <see langword="null"/> when a provider checks the code.</summary>
    public byte[]? CodeHash { get; init; }

    /// <summary>The provider's request id when a provider generates and checks the code (e.g. Vonage Verify).</summary>
    public string? ProviderRequestId { get; init; }

    /// <summary>Digest of the operation approved by this code, for per-transaction grants.</summary>
    public string? TransactionDigest { get; init; }

    /// <summary>When the code was sent.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the code stops being valid.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Wrong tries so far.</summary>
    public int Attempts { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"PendingChallenge {{ ChallengeId = {ChallengeId}, Purpose = {Purpose}, Channel = {Channel}, ExpiresAt = {ExpiresAt:O}, Attempts = {Attempts} }}";
}

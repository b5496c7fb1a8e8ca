namespace StepUp.AspNetCore.Verification;

/// <summary>What the user has: a verified phone (masked) and a pending code, for the UI.</summary>
public sealed record PhoneVerificationState
{
    /// <summary>The attached number, masked, or <see langword="null"/>.</summary>
    public string? MaskedPhoneNumber { get; init; }

    /// <summary>When the attached number was last verified.</summary>
    public DateTimeOffset? PhoneVerifiedAt { get; init; }

    /// <summary>The pending challenge, if a code was sent and has not expired.</summary>
    public PendingCode? Pending { get; init; }

    /// <summary>Whether a verified phone is attached.</summary>
    public bool HasVerifiedPhone => MaskedPhoneNumber is not null;
}

/// <summary>A code that is on its way or waiting to be typed.</summary>
/// <param name="ChallengeId">Its id.</param>
/// <param name="Purpose">What it is for.</param>
/// <param name="Channel">How it was sent.</param>
/// <param name="MaskedPhoneNumber">Where it was sent, masked.</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="AttemptsLeft">Tries left.</param>
/// <param name="TransactionDigest">The digest of the operation it approves, if any.</param>
public sealed record PendingCode(
    string ChallengeId,
    Store.ChallengePurpose Purpose,
    PhoneChannel Channel,
    string MaskedPhoneNumber,
    DateTimeOffset ExpiresAt,
    int AttemptsLeft,
    string? TransactionDigest = null);

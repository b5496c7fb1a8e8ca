using StepUp.AspNetCore.Store;

namespace StepUp.AspNetCore.Verification;

/// <summary>The outcome of <see cref="PhoneVerificationService.VerifyAsync"/>.</summary>
public enum VerifyCodeStatus
{
    /// <summary>Right code: the phone is verified (and attached, for enrolment and change).</summary>
    Verified = 1,

    /// <summary>Not a code of the configured length in ASCII digits; not counted as a try.</summary>
    InvalidFormat,

    /// <summary>Wrong code; see <see cref="VerifyCodeResult.AttemptsLeft"/>.</summary>
    WrongCode,

    /// <summary>The code expired, was used, or was replaced by a newer one. Request a new code.</summary>
    Expired,

    /// <summary>Too many wrong tries for this code or this user.</summary>
    TooManyAttempts,

    /// <summary>The provider that checks codes could not be reached. Try again.</summary>
    ProviderUnavailable,
}

/// <summary>The answer of <see cref="PhoneVerificationService.VerifyAsync"/>.</summary>
public sealed record VerifyCodeResult
{
    /// <summary>The outcome.</summary>
    public required VerifyCodeStatus Status { get; init; }

    /// <summary>A message the user can act on.</summary>
    public required string Message { get; init; }

    /// <summary>Tries left for this code after a wrong one.</summary>
    public int AttemptsLeft { get; init; }

    /// <summary>What the verified code was for.</summary>
    public ChallengePurpose Purpose { get; init; }

    /// <summary>How the verified code was sent.</summary>
    public PhoneChannel Channel { get; init; }

    /// <summary>The approved transaction's digest, when the code was bound to one.</summary>
    public string? TransactionDigest { get; init; }

    /// <summary>The phone now verified, when <see cref="VerifyCodeStatus.Verified"/>.</summary>
    public VerifiedPhone? Phone { get; init; }

    /// <summary>Whether the code was right.</summary>
    public bool Succeeded => Status == VerifyCodeStatus.Verified;
}

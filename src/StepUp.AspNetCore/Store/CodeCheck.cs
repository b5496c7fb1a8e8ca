namespace StepUp.AspNetCore.Store;

/// <summary>One try at a code, as judged by <see cref="IStepUpStore.CheckCodeAsync"/>.</summary>
/// <param name="UserId">The user trying.</param>
/// <param name="ChallengeId">The challenge the user is answering.</param>
/// <param name="CodeHash">HMAC of the code typed, for StepUp-generated codes.</param>
/// <param name="ProviderVerdict">For provider-checked codes: whether the provider accepted the code.</param>
/// <param name="Now">The caller's current time.</param>
/// <param name="MaxAttempts">Wrong tries allowed per challenge.</param>
/// <param name="MaxUserFailures">Wrong tries allowed per user within <paramref name="FailureWindow"/>.</param>
/// <param name="FailureWindow">The window of the user failure budget.</param>
public sealed record CodeCheckRequest(
    string UserId,
    string ChallengeId,
    byte[]? CodeHash,
    bool? ProviderVerdict,
    DateTimeOffset Now,
    int MaxAttempts,
    int MaxUserFailures,
    TimeSpan FailureWindow);

/// <summary>The outcome of a code check.</summary>
public enum CodeCheckStatus
{
    /// <summary>Right code: the challenge is consumed and the user's failures are cleared.</summary>
    Verified = 1,

    /// <summary>Wrong code: one try counted.</summary>
    WrongCode,

    /// <summary>No such pending challenge: expired, used, replaced by a newer code, or never sent.</summary>
    Expired,

    /// <summary>The challenge's or the user's tries are used up; nothing was compared.</summary>
    TooManyAttempts,
}

/// <summary>The answer of <see cref="IStepUpStore.CheckCodeAsync"/>.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="AttemptsLeft">Tries left for this challenge (also bounded by the user budget).</param>
/// <param name="Challenge">The consumed challenge when <see cref="CodeCheckStatus.Verified"/>.</param>
public sealed record CodeCheck(CodeCheckStatus Status, int AttemptsLeft, PendingChallenge? Challenge);

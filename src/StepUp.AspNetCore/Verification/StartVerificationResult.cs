using StepUp.AspNetCore.Channels;
using StepUp.AspNetCore.Store;

namespace StepUp.AspNetCore.Verification;

/// <summary>The outcome of <see cref="PhoneVerificationService.StartAsync"/>.</summary>
public enum StartVerificationStatus
{
    /// <summary>The code is on its way.</summary>
    Sent = 1,

    /// <summary>The user has no verified phone and gave no number.</summary>
    PhoneNumberRequired,

    /// <summary>The number could not be read or is not a valid phone number.</summary>
    InvalidPhoneNumber,

    /// <summary>The number's country is not in <see cref="StepUpOptions.AllowedCountries"/>.</summary>
    CountryNotAllowed,

    /// <summary>The user already has a verified phone; replacing it is a separate, protected step.</summary>
    PhoneAlreadyAttached,

    /// <summary>The channel is not allowed here.</summary>
    ChannelNotAllowed,

    /// <summary>A send limit or the resend cooldown stopped it; see <see cref="StartVerificationResult.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The provider did not deliver it; see <see cref="StartVerificationResult.DeliveryStatus"/>. Offer the other channel.</summary>
    DeliveryFailed,
}

/// <summary>The answer of <see cref="PhoneVerificationService.StartAsync"/>.</summary>
public sealed record StartVerificationResult
{
    /// <summary>The outcome.</summary>
    public required StartVerificationStatus Status { get; init; }

    /// <summary>A message the user can act on.</summary>
    public required string Message { get; init; }

    /// <summary>The new challenge's id, when sent.</summary>
    public string? ChallengeId { get; init; }

    /// <summary>The destination, masked (<c>+31 • ••••••34</c>).</summary>
    public string? MaskedPhoneNumber { get; init; }

    /// <summary>The channel used.</summary>
    public PhoneChannel Channel { get; init; }

    /// <summary>When the code expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When rate limited, how long to wait; when sent, the cooldown before a resend.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Which limit stopped the send.</summary>
    public SendLimitKind Limit { get; init; }

    /// <summary>The provider's outcome, when a delivery was attempted.</summary>
    public PhoneDeliveryStatus? DeliveryStatus { get; init; }

    /// <summary>Whether the code is on its way.</summary>
    public bool Succeeded => Status == StartVerificationStatus.Sent;
}

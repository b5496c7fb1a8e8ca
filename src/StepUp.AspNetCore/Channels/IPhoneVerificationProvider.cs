namespace StepUp.AspNetCore.Channels;

/// <summary>
/// A provider that generates, sends and checks codes itself (for example Vonage Verify v2). When one is registered StepUp
/// does not generate codes; it still owns rate limits, tries, grants and the user's verified phone.
/// </summary>
public interface IPhoneVerificationProvider
{
    /// <summary>Starts a verification of <see cref="ProviderVerificationRequest.To"/> on the given channel.</summary>
    Task<ProviderVerificationStart> StartAsync(ProviderVerificationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Moves a running verification to the next channel (e.g. from text to call).</summary>
    Task<ProviderVerificationStart> SwitchChannelAsync(string requestId, PhoneChannel channel, CancellationToken cancellationToken = default);

    /// <summary>Checks a code against a running verification.</summary>
    Task<ProviderCheckResult> CheckAsync(string requestId, string code, CancellationToken cancellationToken = default);

    /// <summary>Cancels a running verification; unknown or finished ones are ignored.</summary>
    Task CancelAsync(string requestId, CancellationToken cancellationToken = default);
}

/// <summary>What StepUp asks a <see cref="IPhoneVerificationProvider"/> to start.</summary>
public sealed record ProviderVerificationRequest
{
    /// <summary>The number, E.164.</summary>
    public required string To { get; init; }

    /// <summary>The first channel.</summary>
    public required PhoneChannel Channel { get; init; }

    /// <summary>Digits in the code.</summary>
    public required int CodeLength { get; init; }

    /// <summary>The language.</summary>
    public required System.Globalization.CultureInfo Culture { get; init; }

    /// <summary>The brand named in the message.</summary>
    public required string Brand { get; init; }

    /// <summary>An opaque reference (the challenge id).</summary>
    public required string ClientReference { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"ProviderVerificationRequest {{ Channel = {Channel}, ClientReference = {ClientReference} }}";
}

/// <summary>The answer to a start or a channel switch.</summary>
/// <param name="Delivery">How the delivery went.</param>
/// <param name="RequestId">The provider's request id, when started.</param>
public sealed record ProviderVerificationStart(PhoneDeliveryResult Delivery, string? RequestId);

/// <summary>The provider's verdict on a code.</summary>
public enum ProviderCheckStatus
{
    /// <summary>Right code.</summary>
    Verified = 1,

    /// <summary>Wrong code; the verification is still running.</summary>
    WrongCode,

    /// <summary>Unknown, expired, finished, or out of tries at the provider.</summary>
    Expired,

    /// <summary>The provider is unreachable or failing.</summary>
    ProviderUnavailable,
}

/// <summary>The answer of <see cref="IPhoneVerificationProvider.CheckAsync"/>.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Detail">A short description for logs, never personal data.</param>
public sealed record ProviderCheckResult(ProviderCheckStatus Status, string? Detail = null);

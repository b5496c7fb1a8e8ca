namespace StepUp.AspNetCore.Channels;

/// <summary>How a delivery went, in terms the user can act on.</summary>
public enum PhoneDeliveryStatus
{
    /// <summary>The provider accepted the message or call.</summary>
    Accepted = 1,

    /// <summary>The number is not a valid, reachable phone number. Permanent.</summary>
    InvalidNumber,

    /// <summary>The number cannot receive this kind of message (barred, blocked, not allowed destination). Try the other channel.</summary>
    Undeliverable,

    /// <summary>The provider asked us to slow down. Temporary.</summary>
    Throttled,

    /// <summary>The provider could not be reached, timed out or failed. Temporary.</summary>
    ProviderUnavailable,

    /// <summary>The provider refused our account (credentials, quota, configuration). Needs an operator.</summary>
    ProviderRejected,
}

/// <summary>The result of a delivery.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="ProviderReference">The provider's id for the message or call, when accepted.</param>
/// <param name="Detail">A short description for logs (provider status or error title), never personal data or secrets.</param>
public sealed record PhoneDeliveryResult(PhoneDeliveryStatus Status, string? ProviderReference = null, string? Detail = null)
{
    /// <summary>Whether the provider accepted it.</summary>
    public bool Succeeded => Status == PhoneDeliveryStatus.Accepted;

    /// <summary>An accepted delivery.</summary>
    public static PhoneDeliveryResult Accept(string? providerReference = null) => new(PhoneDeliveryStatus.Accepted, providerReference);
}

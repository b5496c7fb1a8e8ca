namespace StepUp.AspNetCore.Channels;

/// <summary>
/// Delivers messages to phones: text messages and voice calls. StepUp composes the message; the channel only delivers it.
/// Implementations: the development outbox, StepUp.Vonage. A channel never logs the number, the code or its secrets.
/// </summary>
public interface IPhoneChannel
{
    /// <summary>Sends a text message.</summary>
    Task<PhoneDeliveryResult> SendTextAsync(PhoneMessage message, CancellationToken cancellationToken = default);

    /// <summary>Places a voice call that reads <see cref="PhoneMessage.SpokenText"/>.</summary>
    Task<PhoneDeliveryResult> PlaceCallAsync(PhoneMessage message, CancellationToken cancellationToken = default);
}

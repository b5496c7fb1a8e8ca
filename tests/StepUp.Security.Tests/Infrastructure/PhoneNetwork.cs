using System.Collections.Concurrent;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;

namespace StepUp.Security.Tests.Infrastructure;

/// <summary>
/// The phone network the test apps deliver to (an <see cref="IPhoneChannel"/>): it keeps every message, hands its code and
/// number to the <see cref="SecretLedger"/> so that every audit looks for them, and can be made to fail or stall.
/// Instances of one app share a network, as they would share a provider account.
/// </summary>
public sealed class PhoneNetwork(SecretLedger ledger) : IPhoneChannel
{
    private readonly ConcurrentQueue<DeliveredMessage> _messages = new();

    /// <summary>How deliveries go; by default every one is accepted.</summary>
    public Func<PhoneChannel, PhoneMessage, CancellationToken, Task<PhoneDeliveryResult>> Behaviour { get; set; } =
        (_, _, _) => Task.FromResult(PhoneDeliveryResult.Accept("net-" + Guid.NewGuid().ToString("N")));

    /// <summary>Every delivery attempt, accepted or not, in order.</summary>
    public IReadOnlyList<DeliveredMessage> Attempts => [.. _messages];

    /// <summary>Accepted deliveries to <paramref name="phoneNumber"/>.</summary>
    public int CountTo(string phoneNumber) => _messages.Count(m => m.Accepted && m.Message.To == phoneNumber);

    /// <summary>The code of the newest accepted message to <paramref name="phoneNumber"/>.</summary>
    public string LatestCode(string phoneNumber) =>
        _messages.LastOrDefault(m => m.Accepted && m.Message.To == phoneNumber && m.Message.Code is not null)?.Message.Code
        ?? throw new InvalidOperationException("No code was delivered to this number.");

    /// <inheritdoc />
    public Task<PhoneDeliveryResult> SendTextAsync(PhoneMessage message, CancellationToken cancellationToken = default) =>
        DeliverAsync(PhoneChannel.Sms, message, cancellationToken);

    /// <inheritdoc />
    public Task<PhoneDeliveryResult> PlaceCallAsync(PhoneMessage message, CancellationToken cancellationToken = default) =>
        DeliverAsync(PhoneChannel.Voice, message, cancellationToken);

    private async Task<PhoneDeliveryResult> DeliverAsync(PhoneChannel channel, PhoneMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ledger.AddPhoneNumber(message.To);
        if (message.Code is { } code)
        {
            ledger.AddCode(code);
        }

        var result = await Behaviour(channel, message, cancellationToken);
        _messages.Enqueue(new DeliveredMessage(channel, message, result.Succeeded));
        return result;
    }
}

/// <summary>One delivery attempt.</summary>
/// <param name="Channel">Text or call.</param>
/// <param name="Message">What was sent.</param>
/// <param name="Accepted">Whether the network accepted it.</param>
public sealed record DeliveredMessage(PhoneChannel Channel, PhoneMessage Message, bool Accepted);

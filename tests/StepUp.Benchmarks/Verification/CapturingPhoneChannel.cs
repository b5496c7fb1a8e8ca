using System.Collections.Concurrent;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;

namespace StepUp.Benchmarks.Verification;

/// <summary>
/// A phone channel that "delivers" instantly and keeps each code under its challenge id (the message's client reference), so
/// benchmark users can answer their own codes without the development outbox's lock and list scan.
/// </summary>
public sealed class CapturingPhoneChannel : IPhoneChannel
{
    private readonly ConcurrentDictionary<string, string> _codes = new(StringComparer.Ordinal);

    /// <summary>Removes and returns the code sent for <paramref name="challengeId"/>.</summary>
    public string Take(string challengeId) =>
        _codes.TryRemove(challengeId, out var code) ? code : throw new InvalidOperationException("No code was sent for this challenge.");

    /// <summary>Forgets every code not taken.</summary>
    public void Clear() => _codes.Clear();

    /// <inheritdoc />
    public Task<PhoneDeliveryResult> SendTextAsync(PhoneMessage message, CancellationToken cancellationToken = default) => Capture(message);

    /// <inheritdoc />
    public Task<PhoneDeliveryResult> PlaceCallAsync(PhoneMessage message, CancellationToken cancellationToken = default) => Capture(message);

    private Task<PhoneDeliveryResult> Capture(PhoneMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Code is { } code)
        {
            _codes[message.ClientReference] = code;
        }

        return Task.FromResult(PhoneDeliveryResult.Accept(message.ClientReference));
    }
}

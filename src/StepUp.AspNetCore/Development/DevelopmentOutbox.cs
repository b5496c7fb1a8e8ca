using StepUp.AspNetCore.Channels;

namespace StepUp.AspNetCore.Development;

/// <summary>A message captured by the development outbox instead of being sent.</summary>
/// <param name="Id">Sequence number.</param>
/// <param name="SentAt">When.</param>
/// <param name="Channel">Text or call.</param>
/// <param name="Kind">Code or notice.</param>
/// <param name="To">The destination (development only: shown on the outbox page).</param>
/// <param name="Text">The text, or what the call says.</param>
/// <param name="Code">The code, for code messages.</param>
public sealed record DevelopmentOutboxMessage(long Id, DateTimeOffset SentAt, PhoneChannel Channel, PhoneMessageKind Kind, string To, string Text, string? Code);

/// <summary>
/// The development outbox: keeps the last 100 messages in memory so a developer can read codes without a phone.
/// Registered by <c>AddDevelopmentOutbox()</c>; refuses to start in Production.
/// </summary>
public sealed class DevelopmentOutbox(TimeProvider timeProvider)
{
    private const int Capacity = 100;
    private readonly Lock _lock = new();
    private readonly LinkedList<DevelopmentOutboxMessage> _messages = new();
    private long _nextId;

    /// <summary>The messages, newest first.</summary>
    public IReadOnlyList<DevelopmentOutboxMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>The newest message sent to <paramref name="phoneNumber"/> (E.164), or <see langword="null"/>.</summary>
    public DevelopmentOutboxMessage? LatestTo(string phoneNumber)
    {
        lock (_lock)
        {
            return _messages.FirstOrDefault(m => m.To == phoneNumber);
        }
    }

    /// <summary>Forgets every message.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _messages.Clear();
        }
    }

    internal DevelopmentOutboxMessage Add(PhoneChannel channel, PhoneMessage message)
    {
        lock (_lock)
        {
            var entry = new DevelopmentOutboxMessage(
                ++_nextId,
                timeProvider.GetUtcNow(),
                channel,
                message.Kind,
                message.To,
                channel == PhoneChannel.Sms ? message.Text : message.SpokenText,
                message.Code);
            _messages.AddFirst(entry);
            if (_messages.Count > Capacity)
            {
                _messages.RemoveLast();
            }

            return entry;
        }
    }
}

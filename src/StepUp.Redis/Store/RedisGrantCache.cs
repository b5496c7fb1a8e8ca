using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using StepUp.AspNetCore.Store;
using StepUp.Redis.Connection;
using StepUp.Redis.Diagnostics;

namespace StepUp.Redis.Store;

/// <summary>
/// This instance's short-lived copies of session grants, so a protected request need not ask Redis every time. Every
/// revocation or replacement of a grant is published on a Redis channel; each instance drops its copy when the message
/// arrives. Copies are used only while this instance's subscription is up (a broken connection drops them all, since
/// messages may have been missed), expire after <see cref="RedisStepUpStoreOptions.GrantCacheDuration"/>, and never
/// outlive the grant. The channel carries the grants key name: user and session ids, nothing secret.
/// </summary>
internal sealed class RedisGrantCache
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly RedisConnection _connection;
    private readonly RedisChannel _channel;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private Task? _subscribing;
    private volatile bool _subscribed;
    private volatile bool _listening;
    private long _nextSweepTicks;

    public RedisGrantCache(RedisConnection connection, string keyPrefix, TimeSpan duration, TimeProvider time, ILogger logger)
    {
        _connection = connection;
        _channel = RedisChannel.Literal(keyPrefix + "grants:changed");
        _duration = duration;
        _time = time;
        _logger = logger;
    }

    public bool Enabled => _duration > TimeSpan.Zero;

    /// <summary>Whether copies are in use now (subscribed and connected).</summary>
    public bool Listening => _listening;

    /// <summary>How many copies this instance holds (expired ones included until the next sweep).</summary>
    internal int Count => _entries.Count;

    /// <summary>The copy of the session grant under <paramref name="key"/>, if this instance may use one.</summary>
    public StepUpGrant? Find(string key)
    {
        if (!_listening)
        {
            EnsureListening();
            return null;
        }

        return _entries.TryGetValue(key, out var entry) && entry.Until > _time.GetUtcNow() ? entry.Grant : null;
    }

    /// <summary>Keeps a copy of a grant just read from Redis.</summary>
    public void Keep(string key, StepUpGrant grant)
    {
        if (!_listening)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (now.UtcTicks >= Volatile.Read(ref _nextSweepTicks))
        {
            // At most once per copy duration: expired copies go, so the dictionary holds about one duration's worth of
            // sessions instead of filling up to the cap with copies nobody may use any more.
            Volatile.Write(ref _nextSweepTicks, (now + _duration).UtcTicks);
            foreach (var entry in _entries)
            {
                if (entry.Value.Until <= now)
                {
                    _entries.TryRemove(entry);
                }
            }
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var until = now + _duration;
        _entries[key] = new Entry(grant, until < grant.ExpiresAt ? until : grant.ExpiresAt);
    }

    /// <summary>Drops this instance's copy and tells every other instance to drop theirs (sent with the write, same round trip).</summary>
    public Task PublishChangeAsync(IDatabase database, string key)
    {
        _entries.TryRemove(key, out _);
        return database.PublishAsync(_channel, key);
    }

    private void EnsureListening()
    {
        if (!Enabled || _subscribed)
        {
            return;
        }

        lock (_lock)
        {
            if (!_subscribed && (_subscribing is null || _subscribing.IsCompleted))
            {
                _subscribing = SubscribeAsync();
            }
        }
    }

    private async Task SubscribeAsync()
    {
        try
        {
            var multiplexer = await _connection.GetMultiplexerAsync().ConfigureAwait(false);
            await multiplexer.GetSubscriber().SubscribeAsync(_channel, (channel, message) => _entries.TryRemove((string)message!, out var dropped)).ConfigureAwait(false);
            multiplexer.ConnectionFailed += (_, _) => Listen(false);
            multiplexer.ConnectionRestored += (_, _) => Listen(true);
            _subscribed = true;
            Listen(multiplexer.IsConnected);
        }
        catch (Exception ex) when (RedisFailures.IsStoreFailure(ex))
        {
            // Not listening: every request asks Redis, and the next one tries to subscribe again.
            _logger.OperationFailed("SubscribeGrantChanges", ex.GetType().Name, RedisFailures.ServerErrorCode(ex));
        }
    }

    /// <summary>A connection broke or came back: messages may have been missed, so every copy goes.</summary>
    private void Listen(bool listening)
    {
        _listening = false;
        _entries.Clear();
        _listening = listening;
    }

    private sealed record Entry(StepUpGrant Grant, DateTimeOffset Until);
}

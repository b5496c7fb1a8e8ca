using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace StepUp.Vonage.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when a timer is started, so a test moves the clock only once the code under test
/// waits on it (no race between "the retry delay started" and "the test advanced time").
/// </summary>
internal sealed class ObservableTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _started.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer started that <paramref name="matches"/>.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> matches)
    {
        // A guard against a hung test run, not an assertion on time.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Test.Ct);
        guard.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var dueTime = await _started.Reader.ReadAsync(guard.Token);
            if (matches(dueTime))
            {
                return dueTime;
            }
        }
    }
}

using System.Diagnostics;

namespace StepUp.Benchmarks.Verification;

/// <summary>
/// <paramref name="host"/>'s users, each in its own loop: start a step-up code, read it from the channel, check it. Counts
/// completed pairs over a fixed time.
/// </summary>
public sealed class VerificationLoad(VerificationHost host)
{
    private int _generation;

    /// <summary>Creates <paramref name="users"/> new users with a verified phone each.</summary>
    public async Task<IReadOnlyList<string>> PrepareUsersAsync(int users)
    {
        var generation = Interlocked.Increment(ref _generation);
        var ids = Enumerable.Range(0, users).Select(i => $"bench-g{generation}-u{i}").ToArray();
        await host.AttachPhonesAsync(ids).ConfigureAwait(false);
        return ids;
    }

    /// <summary>Mean latency of the start calls of the last run, in microseconds.</summary>
    public double LastStartMicros { get; private set; }

    /// <summary>Mean latency of the check calls of the last run, in microseconds.</summary>
    public double LastCheckMicros { get; private set; }

    /// <summary>Runs <paramref name="ids"/> as concurrent users for <paramref name="seconds"/> and returns pairs per second.</summary>
    public async Task<(double PairsPerSecond, long Pairs)> RunAsync(IReadOnlyList<string> ids, double seconds)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var duration = TimeSpan.FromSeconds(seconds);
        long pairs = 0, startTicks = 0, checkTicks = 0;
        var clock = Stopwatch.StartNew();
        var workers = ids.Select(id => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var (challengeId, code) = await host.StartAsync(id).ConfigureAwait(false);
                var checking = Stopwatch.GetTimestamp();
                if (!await host.CheckAsync(id, challengeId, code).ConfigureAwait(false))
                {
                    throw new InvalidOperationException("A right code was refused: the measurement would be void.");
                }

                var done = Stopwatch.GetTimestamp();
                Interlocked.Add(ref startTicks, checking - started);
                Interlocked.Add(ref checkTicks, done - checking);
                Interlocked.Increment(ref pairs);
            }
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalSeconds;
        LastStartMicros = startTicks * 1e6 / Stopwatch.Frequency / Math.Max(1, pairs);
        LastCheckMicros = checkTicks * 1e6 / Stopwatch.Frequency / Math.Max(1, pairs);
        return (pairs / elapsed, pairs);
    }
}

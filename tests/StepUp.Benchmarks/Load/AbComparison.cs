using StackExchange.Redis;
using StepUp.Benchmarks.Redis;
using StepUp.Benchmarks.Reporting;

namespace StepUp.Benchmarks.Load;

/// <summary>
/// Alternating A/B wrk rounds against two loopback targets (StepUp side first in odd rounds, baseline first in even ones)
/// so that drift from the other work on the machine falls on both sides. Around each run it reads the process's allocated
/// bytes (<see cref="GC.GetTotalAllocatedBytes(bool)"/>: the apps run in this process, wrk does not) and Redis
/// <c>INFO commandstats</c>, and the CPU time used by this process and by redis-server (a noise-resistant cost per request).
/// </summary>
public sealed class AbComparison(Wrk wrk, IServer? redis)
{
    /// <summary>The rounds run so far.</summary>
    public IReadOnlyList<AbRound> Rounds => _rounds;

    private readonly List<AbRound> _rounds = [];

    /// <summary>Per-round ratios.</summary>
    public RoundSeries Ratios { get; } = new();

    /// <summary>Warms both targets up (JIT, connection pools, tiered compilation).</summary>
    public async Task WarmUpAsync(int seconds, LoadTarget candidate, LoadTarget baseline)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(baseline);
        await wrk.RunAsync(seconds, candidate.Url, candidate.Cookie).ConfigureAwait(false);
        await wrk.RunAsync(seconds, baseline.Url, baseline.Cookie).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="rounds"/> rounds of <paramref name="seconds"/> seconds per side.</summary>
    public async Task RunAsync(int rounds, int seconds, LoadTarget candidate, LoadTarget baseline, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(baseline);
        for (var round = 1; round <= rounds; round++)
        {
            var candidateFirst = round % 2 == 1;
            Measured a, b;
            if (candidateFirst)
            {
                a = await MeasureAsync(seconds, candidate).ConfigureAwait(false);
                b = await MeasureAsync(seconds, baseline).ConfigureAwait(false);
            }
            else
            {
                b = await MeasureAsync(seconds, baseline).ConfigureAwait(false);
                a = await MeasureAsync(seconds, candidate).ConfigureAwait(false);
            }

            var row = new AbRound(round, candidateFirst, a.Result, b.Result, a.BytesPerRequest, b.BytesPerRequest, a.CpuMicrosPerRequest, b.CpuMicrosPerRequest, a.RedisCpuMicrosPerRequest, b.RedisCpuMicrosPerRequest, a.RoundTripsPerRequest, b.RoundTripsPerRequest, a.Commands, b.Commands);
            _rounds.Add(row);
            Ratios.Add(row.Ratio);
            progress?.Invoke(Format.Invariant($"  round {round}: {candidate.Name} {Format.Rate(a.Result.RequestsPerSecond)} req/s, {baseline.Name} {Format.Rate(b.Result.RequestsPerSecond)} req/s, ratio {Format.Ratio(row.Ratio)}; CPU µs/req {Format.Number(a.CpuMicrosPerRequest)} vs {Format.Number(b.CpuMicrosPerRequest)}"));
        }
    }

    /// <summary>A series of one figure over the rounds.</summary>
    public RoundSeries Series(Func<AbRound, double> figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var series = new RoundSeries();
        foreach (var round in _rounds)
        {
            series.Add(figure(round));
        }

        return series;
    }

    private async Task<Measured> MeasureAsync(int seconds, LoadTarget target)
    {
        var statsBefore = redis is null ? null : await RedisCommandStats.ReadAsync(redis).ConfigureAwait(false);
        var redisCpuBefore = redis is null ? TimeSpan.Zero : await RedisCpu.ReadAsync(redis).ConfigureAwait(false);
        var roundTripsBefore = target.RoundTrips?.Invoke() ?? 0;
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var result = await wrk.RunAsync(seconds, target.Url, target.Cookie).ConfigureAwait(false);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var roundTrips = (target.RoundTrips?.Invoke() ?? 0) - roundTripsBefore;
        var redisCpu = redis is null ? TimeSpan.Zero : await RedisCpu.ReadAsync(redis).ConfigureAwait(false) - redisCpuBefore;

        var commands = statsBefore is null
            ? new Dictionary<string, long>()
            : (await RedisCommandStats.ReadAsync(redis!).ConfigureAwait(false)).Since(statsBefore);
        var requests = (double)Math.Max(1, result.Requests);
        return new Measured(result, allocated / requests, (cpu + redisCpu).TotalMicroseconds / requests, redisCpu.TotalMicroseconds / requests, roundTrips / requests, commands);
    }

    private sealed record Measured(WrkResult Result, double BytesPerRequest, double CpuMicrosPerRequest, double RedisCpuMicrosPerRequest, double RoundTripsPerRequest, IReadOnlyDictionary<string, long> Commands);
}

using StackExchange.Redis;
using StepUp.Benchmarks.Hosting;
using StepUp.Benchmarks.Load;
using StepUp.Benchmarks.Reporting;

namespace StepUp.Benchmarks.Sections;

/// <summary>
/// Section 0, the control: the same app without StepUp, twice (A/A), measured exactly as section 1. Its ratio should be 1; how
/// far its rounds stray from 1 is the noise floor of this run on this machine, against which the other ratios can be read.
/// </summary>
public static class HarnessControlSection
{
    /// <summary>Runs the rounds and adds the results to <paramref name="report"/>.</summary>
    public static async Task RunAsync(BenchmarkSettings settings, BenchmarkWebApp first, BenchmarkWebApp second, IServer? redis, ResultsReport report, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(log);
        var wrk = new Wrk(settings.Threads, settings.Connections);
        var a = new LoadTarget("plain A", new Uri(first.BaseAddress, BenchmarkPaths.Anonymous));
        var b = new LoadTarget("plain B", new Uri(second.BaseAddress, BenchmarkPaths.Anonymous));
        var comparison = new AbComparison(wrk, redis);

        log("0. Control (A/A): warming up");
        await comparison.WarmUpAsync(settings.WarmupSeconds, a, b).ConfigureAwait(false);
        log("0. Control (A/A): rounds");
        await comparison.RunAsync(settings.Rounds, settings.Seconds, a, b, log).ConfigureAwait(false);

        var cpu = comparison.Series(r => r.CpuRatio);
        report.AddSummary(
            "0. Control: the app without StepUp vs itself (A/A), req/s — the noise floor",
            Format.Rate(comparison.Series(r => r.Candidate.RequestsPerSecond).Median),
            Format.Rate(comparison.Series(r => r.Baseline.RequestsPerSecond).Median),
            Format.RatioWithSpread(comparison.Ratios),
            "≈ 1",
            "–");
        report.AddSummary(
            "0. Control, as CPU per request",
            Format.Invariant($"{Format.Number(comparison.Series(r => r.CandidateCpuMicrosPerRequest).Median)} µs"),
            Format.Invariant($"{Format.Number(comparison.Series(r => r.BaselineCpuMicrosPerRequest).Median)} µs"),
            Format.RatioWithSpread(cpu),
            "≈ 1",
            "–");
        report.AddSection(
            "0. Control (A/A): `GET /anonymous` on two identical apps without StepUp",
            $"""
            Same method as section 1, both sides without StepUp. A ratio away from 1 here is measurement noise (other work on the
            machine, scheduling), not StepUp.

            {HttpRoundsTable.Render(comparison, "plain A", "plain B")}
            """);
    }
}

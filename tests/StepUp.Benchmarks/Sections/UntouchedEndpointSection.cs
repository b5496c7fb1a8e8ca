using StackExchange.Redis;
using StepUp.Benchmarks.Hosting;
using StepUp.Benchmarks.Load;
using StepUp.Benchmarks.Reporting;

namespace StepUp.Benchmarks.Sections;

/// <summary>
/// Section 1 (and half of 5): an anonymous endpoint in an app with StepUp registered vs the same app without StepUp,
/// requests/s over real Kestrel, alternating A/B rounds. Goal ≥ 0.98.
/// </summary>
public static class UntouchedEndpointSection
{
    /// <summary>The goal for the ratio.</summary>
    public const double Goal = 0.98;

    /// <summary>Runs the rounds and adds the results to <paramref name="report"/>; returns the comparison (for section 5).</summary>
    public static async Task<AbComparison> RunAsync(BenchmarkSettings settings, BenchmarkWebApp withStepUp, BenchmarkWebApp without, IServer? redis, ResultsReport report, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(withStepUp);
        ArgumentNullException.ThrowIfNull(without);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(log);
        var wrk = new Wrk(settings.Threads, settings.Connections);
        var candidate = new LoadTarget("with StepUp", new Uri(withStepUp.BaseAddress, BenchmarkPaths.Anonymous), RoundTrips: () => StepUpStoreSelection.RoundTrips(withStepUp.Services));
        var baseline = new LoadTarget("without StepUp", new Uri(without.BaseAddress, BenchmarkPaths.Anonymous));
        var comparison = new AbComparison(wrk, redis);

        log("1. Untouched endpoint: warming up");
        await comparison.WarmUpAsync(settings.WarmupSeconds, candidate, baseline).ConfigureAwait(false);
        log("1. Untouched endpoint: rounds");
        await comparison.RunAsync(settings.Rounds, settings.Seconds, candidate, baseline, log).ConfigureAwait(false);

        var ratio = comparison.Ratios;
        report.AddSummary(
            "1. Anonymous endpoint, app with StepUp vs without (req/s)",
            Format.Rate(comparison.Series(r => r.Candidate.RequestsPerSecond).Median),
            Format.Rate(comparison.Series(r => r.Baseline.RequestsPerSecond).Median),
            Format.RatioWithSpread(ratio),
            "≥ 0.98",
            Format.AtLeast(ratio.Median, Goal));
        var cpu = comparison.Series(r => r.CpuRatio);
        report.AddSummary(
            "1. same, as CPU per request (app + redis-server), baseline ÷ StepUp",
            Format.Invariant($"{Format.Number(comparison.Series(r => r.CandidateCpuMicrosPerRequest).Median)} µs"),
            Format.Invariant($"{Format.Number(comparison.Series(r => r.BaselineCpuMicrosPerRequest).Median)} µs"),
            Format.RatioWithSpread(cpu),
            "≥ 0.98",
            Format.AtLeast(cpu.Median, Goal));
        report.AddSection(
            "1. Untouched endpoint: `GET /anonymous`, app with StepUp vs the same app without",
            $"""
            Two apps in this process on real Kestrel (127.0.0.1, random ports), identical but for `AddStepUp().UseStore(…).AddDevelopmentOutbox()` + `MapStepUp()` + one `.RequirePhoneMfa()` endpoint.
            The endpoint has no authorization metadata. No cookie is sent.

            Command (per side and round): `{wrk.CommandLine(settings.Seconds, candidate.Url, withCookie: false)}` (and the same against the app without StepUp)

            {HttpRoundsTable.Render(comparison, "StepUp", "plain")}
            """);
        return comparison;
    }
}

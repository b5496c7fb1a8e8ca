using StackExchange.Redis;
using StepUp.Benchmarks.Hosting;
using StepUp.Benchmarks.Load;
using StepUp.Benchmarks.Reporting;

namespace StepUp.Benchmarks.Sections;

/// <summary>
/// Section 2 (and half of 5): a <c>.RequirePhoneMfa()</c> endpoint whose user has a live grant vs a plain
/// <c>.RequireAuthorization()</c> endpoint, same cookie, same app. Goal ≥ 0.95 and ≤ 1 Redis command per request.
/// </summary>
public static class SatisfiedStepUpSection
{
    /// <summary>The goal for the ratio.</summary>
    public const double Goal = 0.95;

    /// <summary>The goal for Redis commands per request.</summary>
    public const double CommandsGoal = 1;

    /// <summary>Runs the rounds and adds the results to <paramref name="report"/>; returns the comparison (for section 5).</summary>
    public static async Task<AbComparison> RunAsync(BenchmarkSettings settings, BenchmarkWebApp app, IServer? redis, ResultsReport report, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(log);
        log("2. Satisfied step-up: earning a grant through the JSON API");
        var cookie = await GrantCookieFlow.EarnAsync(app).ConfigureAwait(false);

        var wrk = new Wrk(settings.Threads, settings.Connections);
        var candidate = new LoadTarget("RequirePhoneMfa", new Uri(app.BaseAddress, BenchmarkPaths.SteppedUp), cookie, () => StepUpStoreSelection.RoundTrips(app.Services));
        var baseline = new LoadTarget("RequireAuthorization", new Uri(app.BaseAddress, BenchmarkPaths.Authorized), cookie, () => StepUpStoreSelection.RoundTrips(app.Services));
        var comparison = new AbComparison(wrk, redis);

        log("2. Satisfied step-up: warming up");
        await comparison.WarmUpAsync(settings.WarmupSeconds, candidate, baseline).ConfigureAwait(false);
        log("2. Satisfied step-up: rounds");
        await comparison.RunAsync(settings.Rounds, settings.Seconds, candidate, baseline, log).ConfigureAwait(false);

        var ratio = comparison.Ratios;
        var commands = comparison.Series(r => r.CandidateCommandsPerRequest);
        report.AddSummary(
            "2. `.RequirePhoneMfa()` with live grant vs `.RequireAuthorization()`, same cookie (req/s)",
            Format.Rate(comparison.Series(r => r.Candidate.RequestsPerSecond).Median),
            Format.Rate(comparison.Series(r => r.Baseline.RequestsPerSecond).Median),
            Format.RatioWithSpread(ratio),
            "≥ 0.95",
            Format.AtLeast(ratio.Median, Goal));
        var cpu = comparison.Series(r => r.CpuRatio);
        report.AddSummary(
            "2. same, as CPU per request (app + redis-server), baseline ÷ StepUp",
            Format.Invariant($"{Format.Number(comparison.Series(r => r.CandidateCpuMicrosPerRequest).Median)} µs"),
            Format.Invariant($"{Format.Number(comparison.Series(r => r.BaselineCpuMicrosPerRequest).Median)} µs"),
            Format.RatioWithSpread(cpu),
            "≥ 0.95",
            Format.AtLeast(cpu.Median, Goal));
        var roundTrips = comparison.Series(r => r.CandidateRoundTripsPerRequest);
        report.AddSummary(
            "2. Redis round trips per protected request (client operations; server commands in brackets)",
            Format.Invariant($"{Format.Ratio(roundTrips.Median)} [{Format.Ratio(commands.Median)}]"),
            Format.Invariant($"{Format.Ratio(comparison.Series(r => r.BaselineRoundTripsPerRequest).Median)} [{Format.Ratio(comparison.Series(r => r.BaselineCommandsPerRequest).Median)}]"),
            "–",
            "≤ 1",
            redis is null ? "n/a (no Redis)" : Format.AtMost(Math.Round(Math.Max(roundTrips.Median, commands.Median), 2), CommandsGoal));
        report.AddSection(
            "2. Satisfied step-up: `GET /stepped-up` (`.RequireAuthorization().RequirePhoneMfa()`, live grant) vs `GET /authorized` (`.RequireAuthorization()`)",
            $"""
            One app with StepUp, one cookie for both endpoints. The cookie was earned by the real in-app flow once for this app instance:
            benchmark cookie sign-in → `POST /stepup/api/challenges` (enrol +31 6 …) → code read from `DevelopmentOutbox` in DI →
            `POST /stepup/api/challenges/verify` → re-issued cookie (checked: 401 before, 200 after on `/stepped-up`).

            Command (per side and round): `{wrk.CommandLine(settings.Seconds, candidate.Url, withCookie: true)}` (and the same against `{BenchmarkPaths.Authorized}`)

            {HttpRoundsTable.Render(comparison, "RequirePhoneMfa", "RequireAuthorization")}
            """);
        return comparison;
    }
}

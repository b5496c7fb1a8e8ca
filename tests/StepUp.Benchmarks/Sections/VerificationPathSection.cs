using System.Globalization;
using System.Text;
using StackExchange.Redis;
using StepUp.Benchmarks.Redis;
using StepUp.Benchmarks.Reporting;
using StepUp.Benchmarks.Verification;

namespace StepUp.Benchmarks.Sections;

/// <summary>
/// Section 3: start-code + check-code pairs per second through StepUp's engine and store at 1, 16 and 64 concurrent users,
/// vs the raw <c>redis-benchmark</c> rate of a comparable <c>EVALSHA</c> on the same Redis at the same concurrency.
/// Goal ≥ 0.5 (a pair is two operations: at 0.5 each costs about one round trip).
/// </summary>
public static class VerificationPathSection
{
    /// <summary>The goal for the ratio.</summary>
    public const double Goal = 0.5;

    /// <summary>Runs the rounds and adds the results to <paramref name="report"/>.</summary>
    public static async Task RunAsync(BenchmarkSettings settings, IConnectionMultiplexer? redis, ResultsReport report, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(log);
        if (redis is null || settings.Redis is null)
        {
            report.AddSummary("3. Start + check pairs/s vs raw EVALSHA/s", "–", "–", "n/a", "≥ 0.5", "not run (no Redis)");
            return;
        }

        var endpoint = settings.Redis.Split(':');
        var raw = new RawEvalShaBenchmark(endpoint[0], int.Parse(endpoint[1], CultureInfo.InvariantCulture));
        await raw.PrepareAsync(redis).ConfigureAwait(false);
        var server = redis.GetServers()[0];

        using var host = VerificationHost.Create(settings.Redis);
        var load = new VerificationLoad(host);
        log("3. Verification path: warming up");
        await load.RunAsync(await load.PrepareUsersAsync(16).ConfigureAwait(false), 1).ConfigureAwait(false);

        var rows = new StringBuilder();
        rows.AppendLine("| Users | Round | StepUp pairs/s | raw EVALSHA/s | Ratio | mean start / check latency µs | CPU µs per pair: app / redis-server | Redis round trips per pair (client) | Redis commands per pair (server, incl. inside scripts) |");
        rows.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var users in settings.Concurrency)
        {
            var ratios = new RoundSeries();
            var pairRates = new RoundSeries();
            var rawRates = new RoundSeries();
            var roundTripsPerPair = new RoundSeries();
            for (var round = 1; round <= settings.VerificationRounds; round++)
            {
                // Alternate which side runs first, as in the HTTP sections.
                double rawRate;
                Measured stepUp;
                if (round % 2 == 1)
                {
                    rawRate = await raw.RunAsync(users).ConfigureAwait(false);
                    stepUp = await MeasureAsync(host, load, server, users, settings.VerificationSeconds).ConfigureAwait(false);
                }
                else
                {
                    stepUp = await MeasureAsync(host, load, server, users, settings.VerificationSeconds).ConfigureAwait(false);
                    rawRate = await raw.RunAsync(users).ConfigureAwait(false);
                }

                var ratio = stepUp.PairsPerSecond / rawRate;
                ratios.Add(ratio);
                pairRates.Add(stepUp.PairsPerSecond);
                rawRates.Add(rawRate);
                var perPair = stepUp.RoundTrips / (double)Math.Max(1, stepUp.Pairs);
                roundTripsPerPair.Add(perPair);
                rows.AppendLine(Format.Invariant(
                    $"| {users} | {round} | {Format.Rate(stepUp.PairsPerSecond)} | {Format.Rate(rawRate)} | {Format.Ratio(ratio)} | {Format.Rate(stepUp.StartMicros)} / {Format.Rate(stepUp.CheckMicros)} | {Format.Rate(stepUp.AppCpuMicrosPerPair)} / {Format.Rate(stepUp.RedisCpuMicrosPerPair)} | {Format.Number(perPair)} | {Format.Number(stepUp.Commands.Values.Sum() / (double)Math.Max(1, stepUp.Pairs))}: {RedisCommandStats.Describe(stepUp.Commands, stepUp.Pairs)} |"));
                log(Format.Invariant($"  {users} users, round {round}: {Format.Rate(stepUp.PairsPerSecond)} pairs/s vs {Format.Rate(rawRate)} EVALSHA/s, ratio {Format.Ratio(ratio)}"));
            }

            report.AddSummary(
                Format.Invariant($"3. Start + check pairs/s vs raw EVALSHA/s, {users} concurrent user{(users == 1 ? string.Empty : "s")} ({Format.Number(roundTripsPerPair.Median)} Redis round trips/pair)"),
                Format.Rate(pairRates.Median),
                Format.Rate(rawRates.Median),
                Format.RatioWithSpread(ratios),
                "≥ 0.5",
                Format.AtLeast(ratios.Median, Goal));
        }

        report.AddSection(
            "3. Verification path: start-code + check-code pairs through StepUp's store vs raw EVALSHA",
            $"""
            StepUp side: `PhoneVerificationService.StartAsync` (purpose StepUp, SMS, client address set as the JSON API does) then
            `VerifyAsync` with the right code, in-process (no HTTP), N users each in its own loop, {settings.VerificationSeconds.ToString(CultureInfo.InvariantCulture)} s per round.
            Codes reach the users through an instant in-memory channel. Send limits are raised out of reach (they are still checked and counted).

            Baseline: `{raw.CommandLine(16)}` (with -c 1, 16, 64), where the script is:

            ```lua
            {RawEvalShaBenchmark.Script}
            ```

            {rows}
            """);
    }

    private static async Task<Measured> MeasureAsync(VerificationHost host, VerificationLoad load, IServer server, int users, double seconds)
    {
        var ids = await load.PrepareUsersAsync(users).ConfigureAwait(false);
        var before = await RedisCommandStats.ReadAsync(server).ConfigureAwait(false);
        var redisCpuBefore = await RedisCpu.ReadAsync(server).ConfigureAwait(false);
        var roundTripsBefore = host.RoundTrips;
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var (pairsPerSecond, pairs) = await load.RunAsync(ids, seconds).ConfigureAwait(false);
        var appCpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var roundTrips = host.RoundTrips - roundTripsBefore;
        var redisCpu = await RedisCpu.ReadAsync(server).ConfigureAwait(false) - redisCpuBefore;
        var after = await RedisCommandStats.ReadAsync(server).ConfigureAwait(false);
        var perPair = (double)Math.Max(1, pairs);
        return new Measured(pairsPerSecond, pairs, roundTrips, after.Since(before), load.LastStartMicros, load.LastCheckMicros,
            appCpu.TotalMicroseconds / perPair, redisCpu.TotalMicroseconds / perPair);
    }

    private sealed record Measured(
        double PairsPerSecond,
        long Pairs,
        long RoundTrips,
        IReadOnlyDictionary<string, long> Commands,
        double StartMicros,
        double CheckMicros,
        double AppCpuMicrosPerPair,
        double RedisCpuMicrosPerPair);
}

using System.Globalization;
using System.Text;
using StepUp.Benchmarks.Load;
using StepUp.Benchmarks.Redis;
using StepUp.Benchmarks.Reporting;

namespace StepUp.Benchmarks.Sections;

/// <summary>The per-round Markdown table shared by the two HTTP sections.</summary>
public static class HttpRoundsTable
{
    /// <summary>Renders the rounds of <paramref name="comparison"/>.</summary>
    public static string Render(AbComparison comparison, string candidate, string baseline)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| Round | First | {candidate} req/s | {baseline} req/s | Ratio | {candidate} p50 / p99 ms | {baseline} p50 / p99 ms | {candidate} CPU µs/req | {baseline} CPU µs/req | CPU ratio | {candidate} B/req | {baseline} B/req | {candidate} Redis round trips / commands per req | {baseline} Redis round trips / commands per req |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in comparison.Rounds)
        {
            text.AppendLine(Format.Invariant(
                $"| {r.Round} | {(r.CandidateFirst ? candidate : baseline)} | {Format.Rate(r.Candidate.RequestsPerSecond)} | {Format.Rate(r.Baseline.RequestsPerSecond)} | {Format.Ratio(r.Ratio)} | {Format.Number(r.Candidate.LatencyP50Ms)} / {Format.Number(r.Candidate.LatencyP99Ms)} | {Format.Number(r.Baseline.LatencyP50Ms)} / {Format.Number(r.Baseline.LatencyP99Ms)} | {Format.Number(r.CandidateCpuMicrosPerRequest)} (redis {Format.Number(r.CandidateRedisCpuMicrosPerRequest)}) | {Format.Number(r.BaselineCpuMicrosPerRequest)} (redis {Format.Number(r.BaselineRedisCpuMicrosPerRequest)}) | {Format.Ratio(r.CpuRatio)} | {Format.Rate(r.CandidateBytesPerRequest)} | {Format.Rate(r.BaselineBytesPerRequest)} | {Format.Ratio(r.CandidateRoundTripsPerRequest)} / {Format.Ratio(r.CandidateCommandsPerRequest)} | {Format.Ratio(r.BaselineRoundTripsPerRequest)} / {Format.Ratio(r.BaselineCommandsPerRequest)} |"));
        }

        text.AppendLine().AppendLine("CPU µs/req: CPU time of this process (both apps; wrk is a separate process) plus redis-server's (`INFO cpu`) during the run, per request. CPU ratio = baseline ÷ StepUp: the req/s ratio a CPU-bound server would show, far less sensitive to other work on the machine than req/s. Redis round trips: operations sent by the app's `IConnectionMultiplexer` (client side); commands: `INFO commandstats` delta on the server (commands run inside Lua scripts count too; heartbeats of every client included).");
        if (comparison.Rounds.Count > 0)
        {
            var last = comparison.Rounds[^1];
            text.AppendLine().AppendLine(Format.Invariant(
                $"Redis commands in the last round, per request: {candidate}: {RedisCommandStats.Describe(last.CandidateRedisCommands, last.Candidate.Requests)}; {baseline}: {RedisCommandStats.Describe(last.BaselineRedisCommands, last.Baseline.Requests)}."));
        }

        return text.ToString();
    }
}

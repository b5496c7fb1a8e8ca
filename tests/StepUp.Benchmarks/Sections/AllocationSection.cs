using StepUp.Benchmarks.Load;
using StepUp.Benchmarks.Reporting;

namespace StepUp.Benchmarks.Sections;

/// <summary>Section 5: allocated bytes per request, from the rounds of sections 1 and 2.</summary>
public static class AllocationSection
{
    /// <summary>Adds the allocation rows and the method note.</summary>
    public static void Report(AbComparison? untouched, AbComparison? satisfied, ResultsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (untouched is { Rounds.Count: > 0 })
        {
            var a = untouched.Series(r => r.CandidateBytesPerRequest);
            var b = untouched.Series(r => r.BaselineBytesPerRequest);
            report.AddSummary("5. Allocated per anonymous request, with vs without StepUp", Format.Bytes(a.Median), Format.Bytes(b.Median),
                Format.Invariant($"{(a.Median - b.Median >= 0 ? "+" : string.Empty)}{Format.Bytes(a.Median - b.Median)}"), "≈ +0 B", "see note");
        }

        if (satisfied is { Rounds.Count: > 0 })
        {
            var a = satisfied.Series(r => r.CandidateBytesPerRequest);
            var b = satisfied.Series(r => r.BaselineBytesPerRequest);
            report.AddSummary("5. Allocated per protected request, RequirePhoneMfa vs RequireAuthorization", Format.Bytes(a.Median), Format.Bytes(b.Median),
                Format.Invariant($"{(a.Median - b.Median >= 0 ? "+" : string.Empty)}{Format.Bytes(a.Median - b.Median)}"), "small", "see note");
        }

        report.AddSection(
            "5. Allocations per request (method)",
            """
            Measured in the server process during the wrk rounds of sections 1 and 2: `GC.GetTotalAllocatedBytes(precise: true)` before and
            after each run, divided by the requests wrk completed. This counts every allocation of the real Kestrel pipeline on every
            thread (async continuations hop threads, so `GC.GetAllocatedBytesForCurrentThread` would miss them), and nothing of the load
            generator (wrk is a separate native process). An in-process TestServer would add its own client-side allocations to the same
            figure. What it also counts: the idle second app, timers and StackExchange.Redis heartbeats — a few KB over ~10⁵ requests.
            """);
    }
}

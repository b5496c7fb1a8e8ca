using System.Text;
using StepUp.Benchmarks.InProcess;
using StepUp.Benchmarks.Reporting;

namespace StepUp.Benchmarks.Sections;

/// <summary>
/// Where section 2's cost lies: <see cref="AuthorizationComparison"/> under BenchmarkDotNet, the authorization step alone,
/// in-memory store and Redis store (see <see cref="InProcessBenchmarkRunner"/>).
/// </summary>
public static class AuthorizationBreakdownSection
{
    /// <summary>Runs the benchmark and adds the results to <paramref name="report"/>.</summary>
    public static void Run(BenchmarkSettings settings, ResultsReport report, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(log);
        log($"2b. Authorization step in-process: BenchmarkDotNet (log: {InProcessBenchmarkRunner.LogPath<AuthorizationComparison>(settings)})");
        AuthorizationComparison.RedisServer = settings.Redis;
        var summary = InProcessBenchmarkRunner.Run<AuthorizationComparison>(settings);

        var text = new StringBuilder();
        text.AppendLine("""
            `IAuthorizationService.AuthorizeAsync(user, httpContext, policy)` alone, BenchmarkDotNet in-process (3 warm-up + 10 iterations
            of 200 ms, `MemoryDiagnoser`), principal shaped like StepUp's re-issued cookie, live grant in the store. Baseline: a policy that
            requires a signed-in user (what `.RequireAuthorization()` runs); StepUp: the same plus `PhoneMfaRequirement`.

            | Store | Signed-in user: median | + PhoneMfaRequirement: median | Added per request | Allocated: baseline → StepUp |
            |---|---:|---:|---:|---:|
            """);
        foreach (var store in AuthorizationComparison.Stores)
        {
            var baseline = InProcessBenchmarkRunner.Find(summary, nameof(AuthorizationComparison.RequireAuthorization), store);
            var stepUp = InProcessBenchmarkRunner.Find(summary, nameof(AuthorizationComparison.RequirePhoneMfa), store);
            if (baseline?.ResultStatistics is not { } b || stepUp?.ResultStatistics is not { } s)
            {
                text.AppendLine(Format.Invariant($"| {store} | failed | failed | – | – |"));
                continue;
            }

            text.AppendLine(Format.Invariant(
                $"| {store} | {Format.Number(b.Median / 1000)} µs | {Format.Number(s.Median / 1000)} µs | +{Format.Number((s.Median - b.Median) / 1000)} µs | {Format.Bytes(InProcessBenchmarkRunner.AllocatedPerOperation(baseline))} → {Format.Bytes(InProcessBenchmarkRunner.AllocatedPerOperation(stepUp))} |"));
        }

        report.AddSection("2b. Where the cost of section 2 lies: the authorization step alone (in-process)", text.ToString());
    }
}

using System.Text;
using BenchmarkDotNet.Jobs;
using StepUp.Benchmarks.InProcess;
using StepUp.Benchmarks.Reporting;

namespace StepUp.Benchmarks.Sections;

/// <summary>
/// Section 4: <see cref="CodeCheckComparison"/> under BenchmarkDotNet (see <see cref="InProcessBenchmarkRunner"/>).
/// </summary>
public static class IdentityComparisonSection
{
    /// <summary>Runs the benchmark and adds the results to <paramref name="report"/>.</summary>
    public static void Run(BenchmarkSettings settings, ResultsReport report, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(log);
        var logPath = InProcessBenchmarkRunner.LogPath<CodeCheckComparison>(settings);
        log($"4. Identity comparison: BenchmarkDotNet (log: {logPath})");
        var summary = InProcessBenchmarkRunner.Run<CodeCheckComparison>(settings, job => job
            .WithInvocationCount(CodeCheckComparison.ChecksPerIteration)
            .WithUnrollFactor(1));

        var identity = InProcessBenchmarkRunner.Find(summary, nameof(CodeCheckComparison.IdentityVerifyTwoFactorToken));
        var stepUp = InProcessBenchmarkRunner.Find(summary, nameof(CodeCheckComparison.StepUpVerifyCode));
        if (identity?.ResultStatistics is not { } i || stepUp?.ResultStatistics is not { } s)
        {
            report.AddSummary("4. Code check ops/s: StepUp vs Identity phone token", "–", "–", "n/a", "report", $"**failed** (see {logPath})");
            return;
        }

        // Ratio of ops/s = Identity time / StepUp time; spread from the quartiles of the iterations (Q1/Q3 crossed).
        var ratio = i.Median / s.Median;
        var low = i.Q1 / s.Q3;
        var high = i.Q3 / s.Q1;
        var identityAlloc = InProcessBenchmarkRunner.AllocatedPerOperation(identity);
        var stepUpAlloc = InProcessBenchmarkRunner.AllocatedPerOperation(stepUp);
        report.AddSummary(
            "4. Code check ops/s, in-process: StepUp `VerifyAsync` vs Identity `VerifyTwoFactorTokenAsync` (Phone)",
            Format.Rate(1e9 / s.Median),
            Format.Rate(1e9 / i.Median),
            $"**{Format.Ratio(ratio)}** ({Format.Ratio(low)}–{Format.Ratio(high)})",
            "report",
            "–");

        var text = new StringBuilder();
        text.AppendLine("""
            BenchmarkDotNet 0.15.8, in-process emit toolchain, 3 warm-up + 10 measured iterations of 8,192 checks, `MemoryDiagnoser`.
            Identity: `UserManager<TUser>.VerifyTwoFactorTokenAsync(user, "Phone", code)` with `PhoneNumberTokenProvider<TUser>` and an
            in-memory `IUserStore` (phone number + security stamp). StepUp: `PhoneVerificationService.VerifyAsync` with the right code over
            `InMemoryStepUpStore` (HMAC-SHA256 of the code, constant-time compare, consume the challenge, clear the failure budget, re-attach
            the phone, events, metrics). Not the same work: Identity's TOTP code is not consumed (it can be replayed within its time step)
            and nothing is counted; StepUp's is single-use and rate-limited. Spread: Identity Q1/StepUp Q3 – Identity Q3/StepUp Q1.

            | Path | Median | Q1–Q3 | ops/s (median) | Allocated/op |
            |---|---:|---:|---:|---:|
            """);
        text.AppendLine(Format.Invariant($"| Identity `VerifyTwoFactorTokenAsync` | {Format.Number(i.Median / 1000)} µs | {Format.Number(i.Q1 / 1000)}–{Format.Number(i.Q3 / 1000)} µs | {Format.Rate(1e9 / i.Median)} | {Format.Bytes(identityAlloc)} |"));
        if (InProcessBenchmarkRunner.Find(summary, nameof(CodeCheckComparison.StepUpStartCode)) is { ResultStatistics: { } st } start)
        {
            text.AppendLine(Format.Invariant($"| (context) StepUp `StartAsync`, in-memory store | {Format.Number(st.Median / 1000)} µs | {Format.Number(st.Q1 / 1000)}–{Format.Number(st.Q3 / 1000)} µs | {Format.Rate(1e9 / st.Median)} | {Format.Bytes(InProcessBenchmarkRunner.AllocatedPerOperation(start))} |"));
        }

        text.AppendLine(Format.Invariant($"| StepUp `VerifyAsync` | {Format.Number(s.Median / 1000)} µs | {Format.Number(s.Q1 / 1000)}–{Format.Number(s.Q3 / 1000)} µs | {Format.Rate(1e9 / s.Median)} | {Format.Bytes(stepUpAlloc)} |"));
        report.AddSection("4. Code check against ASP.NET Core Identity's phone token provider (in-process)", text.ToString());
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using StackExchange.Redis;
using StepUp.Benchmarks;
using StepUp.Benchmarks.Hosting;
using StepUp.Benchmarks.Load;
using StepUp.Benchmarks.Reporting;
using StepUp.Benchmarks.Sections;

// StepUp benchmark (issue 7). Usually started by run.sh, which provides Redis, wrk and redis-benchmark:
//   dotnet StepUp.Benchmarks.dll --redis 127.0.0.1:PORT [--rounds 5] [--seconds 5] [--sections 1,2,3,4] [--out results/latest.md]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var settings = BenchmarkSettings.Parse(args);
var clock = Stopwatch.StartNew();
void Log(string line) => Console.Error.WriteLine(Format.Invariant($"[{clock.Elapsed:mm\\:ss}] {line}"));

var loadAtStart = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
ConnectionMultiplexer? redis = null;
if (settings.Redis is not null)
{
    redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { settings.Redis }, AllowAdmin = true, AbortOnConnectFail = true });
}

var server = redis?.GetServers()[0];
var report = new ResultsReport();
AbComparison? untouched = null, satisfied = null;
try
{
    if (settings.Sections.Contains(1) || settings.Sections.Contains(2))
    {
        await using var withStepUp = await BenchmarkWebApp.StartAsync(withStepUp: true, settings.Redis);
        if (settings.Sections.Contains(1))
        {
            await using var without = await BenchmarkWebApp.StartAsync(withStepUp: false, settings.Redis);
            if (settings.Sections.Contains(0))
            {
                await using var withoutAgain = await BenchmarkWebApp.StartAsync(withStepUp: false, settings.Redis);
                await HarnessControlSection.RunAsync(settings, without, withoutAgain, server, report, Log);
            }

            untouched = await UntouchedEndpointSection.RunAsync(settings, withStepUp, without, server, report, Log);
        }

        if (settings.Sections.Contains(2))
        {
            satisfied = await SatisfiedStepUpSection.RunAsync(settings, withStepUp, server, report, Log);
        }

        AllocationSection.Report(untouched, satisfied, report);
    }

    if (settings.Sections.Contains(2) || settings.Sections.Contains(6))
    {
        AuthorizationBreakdownSection.Run(settings, report, Log);
    }

    if (settings.Sections.Contains(3))
    {
        await VerificationPathSection.RunAsync(settings, redis, report, Log);
    }

    if (settings.Sections.Contains(4))
    {
        IdentityComparisonSection.Run(settings, report, Log);
    }
}
finally
{
    redis?.Dispose();
}

report.AddNote($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
    $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC. Load average at start: {loadAtStart}; at end: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}.");
report.AddNote("The machine's cores are shared with other work (builds, tests); wrk and redis-benchmark run on the same cores as the server. " +
    "Only the ratios of the same run, A/B rounds alternated, are meant to be compared; absolute rates are not portable.");
report.AddNote($"Apps: ASP.NET Core on Kestrel, 127.0.0.1, environment \"Development\" (the development outbox refuses Production), logging at Warning. StepUp store: {StepUpStoreSelection.Describe(settings.Redis)}.");
report.AddNote(Format.Invariant($"Whole run: {clock.Elapsed.TotalSeconds:0} s."));

var header = Format.Invariant($"""
    # StepUp benchmark — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC

    Ratios are StepUp ÷ baseline, median of the rounds of this run with min–max in parentheses. Higher is better.
    Read every HTTP ratio against row 0, the A/A control: its distance from 1 is this run's noise floor.
    Command: `tests/StepUp.Benchmarks/run.sh` (settings: {settings.Rounds} rounds × {settings.Seconds} s per side, wrk {settings.Threads} threads / {settings.Connections} connections, verification {settings.VerificationRounds} rounds × {settings.VerificationSeconds} s).
    """);
var markdown = report.Render(header);
var output = Path.GetFullPath(settings.Output);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, markdown);
Console.WriteLine(markdown);
Log($"Written to {output}");

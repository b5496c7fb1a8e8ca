using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace StepUp.Benchmarks.InProcess;

/// <summary>
/// Runs a BenchmarkDotNet class in this process (in-process emit toolchain: no separate project build, which keeps the whole
/// run short), with the memory diagnoser; BenchmarkDotNet's own log goes to a file under the artifacts folder.
/// </summary>
public static class InProcessBenchmarkRunner
{
    /// <summary>Runs <typeparamref name="T"/> and returns the summary.</summary>
    public static Summary Run<T>(BenchmarkSettings settings, Func<Job, Job>? adjust = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(settings.ArtifactsPath);
        using var writer = new StreamWriter(LogPath<T>(settings));
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(TimeInterval.FromMilliseconds(200))
            .WithId("InProcess");
        var config = ManualConfig.CreateEmpty()
            .AddJob(adjust is null ? job : adjust(job))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddExporter(MarkdownExporter.GitHub)
            .AddLogger(new StreamLogger(writer))
            .WithArtifactsPath(settings.ArtifactsPath)
            .WithOptions(ConfigOptions.DisableLogFile);
        return BenchmarkRunner.Run<T>(config);
    }

    /// <summary>Where the log of <typeparamref name="T"/> goes.</summary>
    public static string LogPath<T>(BenchmarkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Path.Combine(settings.ArtifactsPath, typeof(T).Name + ".log");
    }

    /// <summary>The successful report of <paramref name="method"/> (and parameter value, if any), or <see langword="null"/>.</summary>
    public static BenchmarkReport? Find(Summary summary, string method, string? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Reports.FirstOrDefault(r =>
            r.Success &&
            r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method &&
            (parameter is null || r.BenchmarkCase.Parameters.Items.Any(p => Equals(p.Value?.ToString(), parameter))));
    }

    /// <summary>Bytes allocated per operation.</summary>
    public static double AllocatedPerOperation(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? double.NaN;
    }
}

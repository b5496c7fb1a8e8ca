namespace StepUp.Benchmarks.Load;

/// <summary>What one wrk run reported.</summary>
/// <param name="RequestsPerSecond">wrk's "Requests/sec".</param>
/// <param name="Requests">Completed requests.</param>
/// <param name="Errors">Non-2xx/3xx responses plus socket errors: any of them voids the run.</param>
/// <param name="LatencyP50Ms">Median latency in milliseconds.</param>
/// <param name="LatencyP99Ms">99th percentile latency in milliseconds.</param>
public sealed record WrkResult(double RequestsPerSecond, long Requests, long Errors, double LatencyP50Ms, double LatencyP99Ms);

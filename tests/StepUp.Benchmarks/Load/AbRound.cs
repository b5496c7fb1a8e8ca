namespace StepUp.Benchmarks.Load;

/// <summary>One A/B round: both sides' wrk figures, in the order they ran, with allocations and Redis commands per request.</summary>
/// <param name="Round">1-based.</param>
/// <param name="CandidateFirst">Whether the StepUp side ran first in this round.</param>
/// <param name="Candidate">The StepUp side.</param>
/// <param name="Baseline">The baseline side.</param>
/// <param name="CandidateBytesPerRequest">Bytes allocated in the server process per StepUp-side request.</param>
/// <param name="BaselineBytesPerRequest">Bytes allocated in the server process per baseline request.</param>
/// <param name="CandidateCpuMicrosPerRequest">CPU µs per StepUp-side request: this process plus redis-server (wrk not counted).</param>
/// <param name="BaselineCpuMicrosPerRequest">CPU µs per baseline request: this process plus redis-server.</param>
/// <param name="CandidateRedisCpuMicrosPerRequest">Of the StepUp side's CPU per request, redis-server's part.</param>
/// <param name="BaselineRedisCpuMicrosPerRequest">Of the baseline's CPU per request, redis-server's part.</param>
/// <param name="CandidateRoundTripsPerRequest">Redis operations the StepUp-side app sent per request (client side).</param>
/// <param name="BaselineRoundTripsPerRequest">Redis operations the baseline app sent per request (client side).</param>
/// <param name="CandidateRedisCommands">Redis commands executed during the StepUp-side run.</param>
/// <param name="BaselineRedisCommands">Redis commands executed during the baseline run.</param>
public sealed record AbRound(
    int Round,
    bool CandidateFirst,
    WrkResult Candidate,
    WrkResult Baseline,
    double CandidateBytesPerRequest,
    double BaselineBytesPerRequest,
    double CandidateCpuMicrosPerRequest,
    double BaselineCpuMicrosPerRequest,
    double CandidateRedisCpuMicrosPerRequest,
    double BaselineRedisCpuMicrosPerRequest,
    double CandidateRoundTripsPerRequest,
    double BaselineRoundTripsPerRequest,
    IReadOnlyDictionary<string, long> CandidateRedisCommands,
    IReadOnlyDictionary<string, long> BaselineRedisCommands)
{
    /// <summary>StepUp side ÷ baseline, requests per second.</summary>
    public double Ratio => Candidate.RequestsPerSecond / Baseline.RequestsPerSecond;

    /// <summary>Baseline CPU per request ÷ StepUp-side CPU per request: the req/s ratio a CPU-bound server would show.</summary>
    public double CpuRatio => BaselineCpuMicrosPerRequest / CandidateCpuMicrosPerRequest;

    /// <summary>Redis commands per StepUp-side request.</summary>
    public double CandidateCommandsPerRequest => CandidateRedisCommands.Values.Sum() / (double)Math.Max(1, Candidate.Requests);

    /// <summary>Redis commands per baseline request.</summary>
    public double BaselineCommandsPerRequest => BaselineRedisCommands.Values.Sum() / (double)Math.Max(1, Baseline.Requests);
}

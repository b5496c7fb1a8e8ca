namespace StepUp.Benchmarks.Load;

/// <summary>One A/B round: both sides' wrk figures, in the order they ran, with allocations and Redis commands per request.</summary>
/// <param name="Round">1-based.</param>
/// <param name="CandidateFirst">Whether the StepUp side ran first in this round.</param>
/// <param name="Candidate">The StepUp side.</param>
/// <param name="Baseline">The baseline side.</param>
/// <param name="CandidateBytesPerRequest">Bytes allocated in the server process per StepUp-side request.</param>
/// <param name="BaselineBytesPerRequest">Bytes allocated in the server process per baseline request.</param>
/// <param name="CandidateRedisCommands">Redis commands executed during the StepUp-side run.</param>
/// <param name="BaselineRedisCommands">Redis commands executed during the baseline run.</param>
public sealed record AbRound(
    int Round,
    bool CandidateFirst,
    WrkResult Candidate,
    WrkResult Baseline,
    double CandidateBytesPerRequest,
    double BaselineBytesPerRequest,
    IReadOnlyDictionary<string, long> CandidateRedisCommands,
    IReadOnlyDictionary<string, long> BaselineRedisCommands)
{
    /// <summary>StepUp side ÷ baseline, requests per second.</summary>
    public double Ratio => Candidate.RequestsPerSecond / Baseline.RequestsPerSecond;

    /// <summary>Redis commands per StepUp-side request.</summary>
    public double CandidateCommandsPerRequest => CandidateRedisCommands.Values.Sum() / (double)Math.Max(1, Candidate.Requests);

    /// <summary>Redis commands per baseline request.</summary>
    public double BaselineCommandsPerRequest => BaselineRedisCommands.Values.Sum() / (double)Math.Max(1, Baseline.Requests);
}

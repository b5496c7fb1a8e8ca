using System.Collections.Concurrent;

namespace StepUp.LoadTests;

/// <summary>What the simulated users saw, counted across all of them.</summary>
internal sealed class LoadCounters
{
    private long _journeys;
    private long _verified;
    private long _served;
    private long _lost;
    private long _duplicated;
    private long _serverErrors;
    private long _failures;

    /// <summary>Unexpected answers by step and status, e.g. "send 429".</summary>
    public ConcurrentDictionary<string, long> Unexpected { get; } = new(StringComparer.Ordinal);

    public long Journeys => Interlocked.Read(ref _journeys);

    public long Verified => Interlocked.Read(ref _verified);

    public long Served => Interlocked.Read(ref _served);

    public long Lost => Interlocked.Read(ref _lost);

    public long Duplicated => Interlocked.Read(ref _duplicated);

    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    public long Failures => Interlocked.Read(ref _failures);

    public void Journey() => Interlocked.Increment(ref _journeys);

    public void VerifiedOne() => Interlocked.Increment(ref _verified);

    public void ServedOne() => Interlocked.Increment(ref _served);

    public void LostOne() => Interlocked.Increment(ref _lost);

    public void DuplicatedOne() => Interlocked.Increment(ref _duplicated);

    public void ServerError() => Interlocked.Increment(ref _serverErrors);

    public void Failure(string what)
    {
        Interlocked.Increment(ref _failures);
        Unexpected.AddOrUpdate(what, 1, (_, n) => n + 1);
    }
}

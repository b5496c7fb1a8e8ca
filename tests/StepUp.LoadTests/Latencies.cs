using System.Globalization;

namespace StepUp.LoadTests;

/// <summary>Latency samples per step of the simulated journey, and their percentiles.</summary>
internal sealed class Latencies
{
    private readonly Dictionary<string, List<double>> _samples = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Add(string step, double milliseconds)
    {
        lock (_lock)
        {
            if (!_samples.TryGetValue(step, out var list))
            {
                _samples[step] = list = [];
            }

            list.Add(milliseconds);
        }
    }

    /// <summary>Per step: count, p50, p95, p99, max (ms), in the order the steps were first seen.</summary>
    public IReadOnlyList<(string Step, int Count, double P50, double P95, double P99, double Max)> Summary()
    {
        lock (_lock)
        {
            return [.. _samples.Select(s =>
            {
                var sorted = s.Value.Order().ToArray();
                return (s.Key, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1]);
            })];
        }
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

namespace StepUp.Benchmarks.Reporting;

/// <summary>The values one measure took over several rounds: median and spread (min–max).</summary>
public sealed class RoundSeries
{
    private readonly List<double> _values = [];

    /// <summary>The values in the order they were measured.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>Whether nothing was measured.</summary>
    public bool IsEmpty => _values.Count == 0;

    /// <summary>Adds one round's value.</summary>
    public void Add(double value) => _values.Add(value);

    /// <summary>The median.</summary>
    public double Median
    {
        get
        {
            if (_values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _values.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /// <summary>The smallest value.</summary>
    public double Min => _values.Count == 0 ? double.NaN : _values.Min();

    /// <summary>The largest value.</summary>
    public double Max => _values.Count == 0 ? double.NaN : _values.Max();
}

using System.Globalization;

namespace StepUp.Benchmarks.Reporting;

/// <summary>Number formats used in the report (invariant culture).</summary>
public static class Format
{
    /// <summary>A rate such as requests per second: thousands separated, no decimals.</summary>
    public static string Rate(double value) => double.IsNaN(value) ? "n/a" : value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A ratio with three decimals.</summary>
    public static string Ratio(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A small quantity with two decimals.</summary>
    public static string Number(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Bytes, no decimals.</summary>
    public static string Bytes(double value) => double.IsNaN(value) ? "n/a" : value.ToString("N0", CultureInfo.InvariantCulture) + " B";

    /// <summary>The median with its min–max spread.</summary>
    public static string RatioWithSpread(RoundSeries series) =>
        $"**{Ratio(series.Median)}** ({Ratio(series.Min)}–{Ratio(series.Max)})";

    /// <summary>A rate median with its min–max spread.</summary>
    public static string RateWithSpread(RoundSeries series) =>
        $"{Rate(series.Median)} ({Rate(series.Min)}–{Rate(series.Max)})";

    /// <summary>"yes" or "**no**" for a goal of at least <paramref name="goal"/>.</summary>
    public static string AtLeast(double value, double goal) => double.IsNaN(value) ? "n/a" : value >= goal ? "yes" : "**no**";

    /// <summary>"yes" or "**no**" for a goal of at most <paramref name="goal"/>.</summary>
    public static string AtMost(double value, double goal) => double.IsNaN(value) ? "n/a" : value <= goal ? "yes" : "**no**";

    /// <summary>Invariant-culture interpolation.</summary>
    public static string Invariant(FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToString(CultureInfo.InvariantCulture);
    }
}

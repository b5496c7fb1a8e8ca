using System.Globalization;
using System.Text;

namespace StepUp.Benchmarks.Reporting;

/// <summary>The Markdown report: a summary table of goals first, then one section per measure with its details.</summary>
public sealed class ResultsReport
{
    private readonly List<SummaryRow> _summary = [];
    private readonly StringBuilder _sections = new();
    private readonly List<string> _notes = [];

    /// <summary>Adds a line to the summary table.</summary>
    public void AddSummary(string measure, string stepUp, string baseline, string ratio, string goal, string met) =>
        _summary.Add(new SummaryRow(measure, stepUp, baseline, ratio, goal, met));

    /// <summary>Adds a line under the "Notes" heading.</summary>
    public void AddNote(string note) => _notes.Add(note);

    /// <summary>Appends a detailed section (Markdown).</summary>
    public void AddSection(string heading, string body)
    {
        _sections.Append("## ").AppendLine(heading).AppendLine().AppendLine(body.TrimEnd()).AppendLine();
    }

    /// <summary>Renders the whole report.</summary>
    public string Render(string header)
    {
        var text = new StringBuilder();
        text.AppendLine(header.TrimEnd()).AppendLine();
        text.AppendLine("## Summary").AppendLine();
        text.AppendLine("| Measure | StepUp | Baseline | Ratio: median (min–max) | Goal | Met |");
        text.AppendLine("|---|---:|---:|---:|---|---|");
        foreach (var row in _summary)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Measure} | {row.StepUp} | {row.Baseline} | {row.Ratio} | {row.Goal} | {row.Met} |");
        }

        text.AppendLine().Append(_sections);
        if (_notes.Count > 0)
        {
            text.AppendLine("## Notes").AppendLine();
            foreach (var note in _notes)
            {
                text.Append("- ").AppendLine(note);
            }
        }

        return text.ToString();
    }

    private sealed record SummaryRow(string Measure, string StepUp, string Baseline, string Ratio, string Goal, string Met);
}

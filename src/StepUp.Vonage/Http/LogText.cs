using System.Text;

namespace StepUp.Vonage.Http;

/// <summary>Makes provider texts safe to log: short, one line, and with long digit runs (phone numbers, codes) masked.</summary>
internal static class LogText
{
    private const int MaxLength = 80;

    /// <summary>The problem's title, made safe; "no title" when absent.</summary>
    public static string Title(VonageProblem? problem) => Safe(problem?.Title) ?? "no title";

    /// <summary>A provider text made safe to log, or <see langword="null"/>.</summary>
    public static string? Safe(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        var digits = 0;
        foreach (var c in text)
        {
            if (builder.Length >= MaxLength)
            {
                break;
            }

            if (char.IsAsciiDigit(c))
            {
                // Four digits at most in a row: error codes survive, numbers and codes do not.
                digits++;
                builder.Append(digits > 4 ? '#' : c);
                continue;
            }

            digits = 0;
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }
}

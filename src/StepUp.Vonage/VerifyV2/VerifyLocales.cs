using System.Globalization;

namespace StepUp.Vonage.VerifyV2;

/// <summary>
/// Maps a culture to a Verify v2 <c>locale</c> with default templates for text and voice (Vonage "Verify Languages").
/// No match gives <see langword="null"/>: the locale is left out and Vonage picks one from the number's country.
/// </summary>
internal static class VerifyLocales
{
    private static readonly string[] Supported =
    [
        "ar-xa", "cs-cz", "cy-cy", "cy-gb", "da-dk", "de-de", "el-gr", "en-au", "en-gb", "en-in", "en-us", "es-es", "es-mx",
        "es-us", "fi-fi", "fil-ph", "fr-ca", "fr-fr", "hi-in", "hu-hu", "id-id", "is-is", "it-it", "ja-jp", "ko-kr", "nb-no",
        "nl-nl", "pl-pl", "pt-br", "pt-pt", "ro-ro", "ru-ru", "sv-se", "th-th", "tr-tr", "vi-vn", "yue-cn", "zh-cn", "zh-tw",
    ];

    private static readonly HashSet<string> ByName = new(Supported, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = "ar-xa",
        ["zh"] = "zh-cn",
        ["zh-Hans"] = "zh-cn",
        ["zh-Hant"] = "zh-tw",
        ["zh-HK"] = "yue-cn",
        ["no"] = "nb-no",
        ["nb"] = "nb-no",
        ["nn"] = "nb-no",
        ["cy"] = "cy-gb",
        ["en"] = "en-us",
        ["es"] = "es-es",
        ["fr"] = "fr-fr",
        ["pt"] = "pt-br",
    };

    /// <summary>The Verify locale for <paramref name="culture"/>, or <see langword="null"/>.</summary>
    public static string? For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (ByName.Contains(c.Name))
            {
                return c.Name.ToLowerInvariant();
            }

            if (Aliases.TryGetValue(c.Name, out var alias))
            {
                return alias;
            }

            if (c.Parent.Name.Length == 0)
            {
                var prefix = c.Name + "-";
                var candidates = Supported.Where(s => s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
                if (candidates.Count == 1)
                {
                    return candidates[0];
                }
            }
        }

        return null;
    }
}

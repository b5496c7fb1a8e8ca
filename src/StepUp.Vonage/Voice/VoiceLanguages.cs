using System.Globalization;

namespace StepUp.Vonage.Voice;

/// <summary>
/// Maps a culture to a Vonage text-to-speech language (the <c>language</c> of the NCCO <c>talk</c> action; list from Vonage's
/// text-to-speech guide and SDKs). The culture, then its parents, are tried; a language without region gets its most common
/// voice; no match gives <see langword="null"/>.
/// </summary>
internal static class VoiceLanguages
{
    private static readonly string[] Supported =
    [
        "ar", "ca-ES", "cmn-CN", "cmn-TW", "cs-CZ", "cy-GB", "da-DK", "de-DE", "el-GR", "en-AU", "en-GB", "en-GB-WLS", "en-IN",
        "en-US", "en-ZA", "es-ES", "es-MX", "es-US", "eu-ES", "fi-FI", "fil-PH", "fr-CA", "fr-FR", "he-IL", "hi-IN", "hu-HU",
        "id-ID", "is-IS", "it-IT", "ja-JP", "ko-KR", "nb-NO", "nl-NL", "pl-PL", "pt-BR", "pt-PT", "ro-RO", "ru-RU", "sk-SK",
        "sv-SE", "th-TH", "tr-TR", "uk-UA", "vi-VN", "yue-CN",
    ];

    private static readonly Dictionary<string, string> ByName = Supported.ToDictionary(s => s, StringComparer.OrdinalIgnoreCase);

    // Cultures whose .NET name differs from Vonage's, and languages with more than one voice region.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zh-CN"] = "cmn-CN",
        ["zh-SG"] = "cmn-CN",
        ["zh-Hans"] = "cmn-CN",
        ["zh-TW"] = "cmn-TW",
        ["zh-Hant"] = "cmn-TW",
        ["zh-HK"] = "yue-CN",
        ["zh-MO"] = "yue-CN",
        ["zh"] = "cmn-CN",
        ["no"] = "nb-NO",
        ["nb"] = "nb-NO",
        ["nn"] = "nb-NO",
        ["en"] = "en-US",
        ["es"] = "es-ES",
        ["fr"] = "fr-FR",
        ["pt"] = "pt-BR",
        ["de"] = "de-DE",
    };

    /// <summary>The Vonage voice language for <paramref name="culture"/>, or <see langword="null"/> when none fits.</summary>
    public static string? For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (ByName.TryGetValue(c.Name, out var exact))
            {
                return exact;
            }

            if (Aliases.TryGetValue(c.Name, out var alias))
            {
                return alias;
            }

            if (c.Parent.Name.Length == 0)
            {
                // A neutral language: the only voice of that language, if there is exactly one.
                var prefix = c.Name + "-";
                var candidates = Supported.Where(s => s.Equals(c.Name, StringComparison.OrdinalIgnoreCase) || s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
                if (candidates.Count == 1)
                {
                    return candidates[0];
                }
            }
        }

        return null;
    }
}

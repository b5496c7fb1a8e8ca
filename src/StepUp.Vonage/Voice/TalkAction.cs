using System.Text.Json.Serialization;

namespace StepUp.Vonage.Voice;

/// <summary>The NCCO <c>talk</c> action: Vonage's text-to-speech reads <see cref="Text"/>.</summary>
internal sealed record TalkAction
{
    [JsonPropertyName("action")]
    public string Action { get; init; } = "talk";

    /// <summary>What to say (plain text).</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    /// <summary>BCP-47 language of the voice, e.g. <c>nl-NL</c>.</summary>
    [JsonPropertyName("language")]
    public required string Language { get; init; }

    /// <summary>Voice style; <see langword="null"/> for the language's first style.</summary>
    [JsonPropertyName("style")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Style { get; init; }

    /// <summary>Premium voice.</summary>
    [JsonPropertyName("premium")]
    public bool Premium { get; init; }

    /// <summary>How often the text is read.</summary>
    [JsonPropertyName("loop")]
    public int Loop { get; init; } = 1;

    /// <summary>Whether the callee can interrupt by pressing keys.</summary>
    [JsonPropertyName("bargeIn")]
    public bool BargeIn { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"TalkAction {{ Language = {Language}, Text = (redacted) }}";
}

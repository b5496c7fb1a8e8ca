using System.Globalization;

namespace StepUp.AspNetCore.Channels;

/// <summary>What a message is about.</summary>
public enum PhoneMessageKind
{
    /// <summary>A one-time code.</summary>
    Code = 1,

    /// <summary>A notice to the previously attached number that it was replaced.</summary>
    PhoneChangedNotice = 2,
}

/// <summary>A composed message for one phone.</summary>
public sealed record PhoneMessage
{
    /// <summary>The destination, E.164.</summary>
    public required string To { get; init; }

    /// <summary>What the message is about.</summary>
    public required PhoneMessageKind Kind { get; init; }

    /// <summary>The full text of a text message (for codes, in the origin-bound one-time-code format).</summary>
    public required string Text { get; init; }

    /// <summary>What a voice call says (codes digit by digit, twice).</summary>
    public required string SpokenText { get; init; }

    /// <summary>The code, for channels that format it themselves; <see langword="null"/> for notices.</summary>
    public string? Code { get; init; }

    /// <summary>The language to speak and write in.</summary>
    public required CultureInfo Culture { get; init; }

    /// <summary>
    /// The language <see cref="SpokenText"/> is actually written in: <see cref="Culture"/> when the app has a translation for
    /// it, otherwise the language of StepUp's built-in texts (English). Voice channels choose the voice by it, so an
    /// untranslated English text is never read by, say, a Dutch voice. Default: <see cref="Culture"/>.
    /// </summary>
    public CultureInfo SpokenCulture
    {
        get => _spokenCulture ?? Culture;
        init => _spokenCulture = value;
    }

    private readonly CultureInfo? _spokenCulture;

    /// <summary>An opaque reference (the challenge id) for the provider's reports; never personal data.</summary>
    public required string ClientReference { get; init; }

    /// <summary>The brand that sends the message.</summary>
    public required string Brand { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"PhoneMessage {{ Kind = {Kind}, ClientReference = {ClientReference}, Culture = {Culture.Name} }}";
}

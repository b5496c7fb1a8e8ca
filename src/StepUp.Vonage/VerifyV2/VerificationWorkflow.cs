using System.Text.Json.Serialization;

namespace StepUp.Vonage.VerifyV2;

/// <summary>One step of a Verify v2 workflow: <c>{"channel":"sms","to":"447700900000"}</c> or <c>{"channel":"voice",…}</c>.</summary>
internal sealed record VerificationWorkflow
{
    /// <summary><c>sms</c> or <c>voice</c>.</summary>
    [JsonPropertyName("channel")]
    public required string Channel { get; init; }

    /// <summary>E.164 digits without <c>+</c>.</summary>
    [JsonPropertyName("to")]
    public required string To { get; init; }

    /// <summary>The text sender (sms only); <see langword="null"/> for the brand.</summary>
    [JsonPropertyName("from")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? From { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"VerificationWorkflow {{ Channel = {Channel}, To = (redacted) }}";
}

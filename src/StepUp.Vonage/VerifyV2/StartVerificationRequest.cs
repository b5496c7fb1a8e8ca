using System.Text.Json.Serialization;

namespace StepUp.Vonage.VerifyV2;

/// <summary>The body of <c>POST /v2/verify</c>.</summary>
internal sealed record StartVerificationRequest
{
    /// <summary>Named in the message; at most 18 characters, none of <c>/ { } : $</c>.</summary>
    [JsonPropertyName("brand")]
    public required string Brand { get; init; }

    /// <summary>The channels, in order (at most 3).</summary>
    [JsonPropertyName("workflow")]
    public required IReadOnlyList<VerificationWorkflow> Workflow { get; init; }

    /// <summary>Digits in the code (4 to 10).</summary>
    [JsonPropertyName("code_length")]
    public required int CodeLength { get; init; }

    /// <summary>Seconds on one channel before the next (15 to 900).</summary>
    [JsonPropertyName("channel_timeout")]
    public required int ChannelTimeout { get; init; }

    /// <summary>e.g. <c>nl-nl</c>; <see langword="null"/> lets Vonage choose by the number's country.</summary>
    [JsonPropertyName("locale")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Locale { get; init; }

    /// <summary>Our reference, alphanumeric, at most 40 characters; echoed in callbacks.</summary>
    [JsonPropertyName("client_ref")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ClientRef { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"StartVerificationRequest {{ Steps = {Workflow.Count}, ClientRef = {ClientRef} }}";
}

using System.Text.Json.Serialization;

namespace StepUp.Vonage.Voice;

/// <summary>The body of <c>POST /v1/calls</c> with an inline NCCO.</summary>
internal sealed record CreateCallRequest
{
    [JsonPropertyName("to")]
    public required IReadOnlyList<PhoneEndpoint> To { get; init; }

    /// <summary>The calling number, or <see langword="null"/> with <see cref="RandomFromNumber"/>.</summary>
    [JsonPropertyName("from")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PhoneEndpoint? From { get; init; }

    [JsonPropertyName("random_from_number")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? RandomFromNumber { get; init; }

    [JsonPropertyName("ncco")]
    public required IReadOnlyList<TalkAction> Ncco { get; init; }

    /// <summary><c>hangup</c> or <c>continue</c> when a machine answers; <see langword="null"/> for Vonage's default.</summary>
    [JsonPropertyName("machine_detection")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MachineDetection { get; init; }

    /// <summary>Seconds the answered call may last.</summary>
    [JsonPropertyName("length_timer")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? LengthTimer { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"CreateCallRequest {{ Actions = {Ncco.Count} }}";
}

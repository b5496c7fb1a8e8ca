using System.Text.Json.Serialization;

namespace StepUp.Vonage.Voice;

/// <summary>The answer to <c>POST /v1/calls</c> (201).</summary>
internal sealed record CreateCallResponse
{
    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("direction")]
    public string? Direction { get; init; }

    [JsonPropertyName("conversation_uuid")]
    public string? ConversationUuid { get; init; }
}

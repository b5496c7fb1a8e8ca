using System.Text.Json.Serialization;

namespace StepUp.Vonage.VerifyV2;

/// <summary>The 202 answer to <c>POST /v2/verify</c>.</summary>
internal sealed record StartVerificationResponse
{
    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }
}

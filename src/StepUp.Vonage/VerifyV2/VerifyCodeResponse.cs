using System.Text.Json.Serialization;

namespace StepUp.Vonage.VerifyV2;

/// <summary>The 200 answer to <c>POST /v2/verify/{request_id}</c>: the code was right.</summary>
internal sealed record VerifyCodeResponse
{
    [JsonPropertyName("request_id")]
    public string? RequestId { get; init; }

    /// <summary><c>completed</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }
}

using System.Text.Json.Serialization;

namespace StepUp.Vonage.Sms;

/// <summary>One part of <see cref="SendSmsResponse"/>. Vonage sends numbers as strings.</summary>
internal sealed record SmsResponseMessage
{
    [JsonPropertyName("status")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int Status { get; init; }

    [JsonPropertyName("message-id")]
    public string? MessageId { get; init; }

    [JsonPropertyName("error-text")]
    public string? ErrorText { get; init; }

    [JsonPropertyName("client-ref")]
    public string? ClientRef { get; init; }

    [JsonPropertyName("network")]
    public string? Network { get; init; }

    /// <summary>The status as a named code (unknown values stay numeric).</summary>
    [JsonIgnore]
    public SmsStatusCode StatusCode => (SmsStatusCode)Status;
}

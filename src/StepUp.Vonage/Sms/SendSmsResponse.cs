using System.Text.Json.Serialization;

namespace StepUp.Vonage.Sms;

/// <summary>The SMS API's answer: one entry per message part.</summary>
internal sealed record SendSmsResponse
{
    [JsonPropertyName("message-count")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int MessageCount { get; init; }

    [JsonPropertyName("messages")]
    public IReadOnlyList<SmsResponseMessage> Messages { get; init; } = [];
}

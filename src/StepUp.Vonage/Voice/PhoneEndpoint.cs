using System.Text.Json.Serialization;

namespace StepUp.Vonage.Voice;

/// <summary>A PSTN endpoint of the Voice API: <c>{"type":"phone","number":"447700900000"}</c>.</summary>
/// <param name="Number">E.164 digits without <c>+</c>.</param>
internal sealed record PhoneEndpoint([property: JsonPropertyName("number")] string Number)
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "phone";

    /// <inheritdoc />
    public override string ToString() => "PhoneEndpoint { Number = (redacted) }";
}

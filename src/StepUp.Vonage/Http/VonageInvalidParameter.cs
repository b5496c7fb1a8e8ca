using System.Text.Json.Serialization;

namespace StepUp.Vonage.Http;

/// <summary>One entry of <see cref="VonageProblem.InvalidParameters"/>.</summary>
internal sealed record VonageInvalidParameter
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}

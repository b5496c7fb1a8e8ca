using System.Text.Json;
using System.Text.Json.Serialization;

namespace StepUp.Vonage.Http;

/// <summary>
/// An RFC 7807 error body from Vonage (<c>type</c>, <c>title</c>, <c>detail</c>, <c>instance</c>, and for 422 the
/// <c>invalid_parameters</c>). Only <see cref="Title"/>, <see cref="Type"/> and parameter names are ever logged: the detail and
/// the reasons can quote the request (a phone number).
/// </summary>
internal sealed record VonageProblem
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("instance")]
    public string? Instance { get; init; }

    [JsonPropertyName("invalid_parameters")]
    public IReadOnlyList<VonageInvalidParameter>? InvalidParameters { get; init; }

    /// <summary>Whether Vonage named the destination number (<c>to</c>, <c>number</c>, <c>workflow[0].to</c> …) as invalid.</summary>
    public bool NamesInvalidNumber =>
        InvalidParameters?.Any(p => p.Name is { } name && LastSegment(name) is "to" or "number") == true;

    /// <summary>Reads a problem body; <see langword="null"/> when the body is not one.</summary>
    public static async Task<VonageProblem?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<VonageProblem>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string LastSegment(string name)
    {
        var dot = name.LastIndexOf('.');
        var segment = dot < 0 ? name : name[(dot + 1)..];
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        return (bracket < 0 ? segment : segment[..bracket]).ToLowerInvariant();
    }
}

namespace StepUp.Vonage.Tests.FakeVonage;

/// <summary>A request the fake Vonage received, exactly as it came over the wire.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    string Body,
    IReadOnlyDictionary<string, string> Form)
{
    /// <summary>The full URL as seen by the server (path and query).</summary>
    public string Url => Path + QueryString;

    /// <summary>A header, or <see langword="null"/>.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

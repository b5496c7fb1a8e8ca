namespace StepUp.Benchmarks.Load;

/// <summary>One side of an A/B comparison: a URL, the cookie to send, and an optional hook around each run.</summary>
/// <param name="Name">Shown in the report.</param>
/// <param name="Url">What wrk hits.</param>
/// <param name="Cookie">The <c>Cookie</c> header value, or <see langword="null"/>.</param>
public sealed record LoadTarget(string Name, Uri Url, string? Cookie = null);

namespace StepUp.Benchmarks.Load;

/// <summary>One side of an A/B comparison.</summary>
/// <param name="Name">Shown in the report.</param>
/// <param name="Url">What wrk hits.</param>
/// <param name="Cookie">The <c>Cookie</c> header value, or <see langword="null"/>.</param>
/// <param name="RoundTrips">Reads the Redis operations the app under test has sent so far (client side), or <see langword="null"/>.</param>
public sealed record LoadTarget(string Name, Uri Url, string? Cookie = null, Func<long>? RoundTrips = null);

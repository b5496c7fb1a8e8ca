using System.Globalization;
using System.Net;

namespace StepUp.Vonage.Http;

/// <summary>
/// Vonage answered with an error status. The message holds the HTTP status and Vonage's error title only: no URL, no body
/// detail, no credential, no phone number.
/// </summary>
internal sealed class VonageApiException : Exception
{
    public VonageApiException()
    {
    }

    public VonageApiException(string message)
        : base(message)
    {
    }

    public VonageApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public VonageApiException(string api, HttpStatusCode statusCode, VonageProblem? problem)
        : base(string.Create(CultureInfo.InvariantCulture, $"Vonage {api} answered {(int)statusCode} ({LogText.Title(problem)})."))
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The problem body, when there was one.</summary>
    public VonageProblem? Problem { get; }

    /// <summary>A short description for logs: status and title.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)StatusCode} {LogText.Title(Problem)}");
}

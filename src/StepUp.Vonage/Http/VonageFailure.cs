using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly.Timeout;
using StepUp.AspNetCore.Channels;

namespace StepUp.Vonage.Http;

/// <summary>
/// What went wrong with a Vonage request, classified once for every API: the delivery status the user sees, and a short,
/// secret-free description for logs (HTTP status and Vonage's error title, or the exception type).
/// </summary>
/// <param name="StatusCode">The HTTP status, when Vonage answered.</param>
/// <param name="Problem">Vonage's error body, when it sent one.</param>
/// <param name="Description">For logs.</param>
internal sealed record VonageFailure(HttpStatusCode? StatusCode, VonageProblem? Problem, string Description)
{
    /// <summary>
    /// Classifies <paramref name="exception"/>; <see langword="null"/> when it is not a Vonage failure (for example the caller's
    /// own cancellation, which must propagate).
    /// </summary>
    public static VonageFailure? From(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        VonageApiException api => new(api.StatusCode, api.Problem, api.Describe()),
        TimeoutRejectedException => new(null, null, "no answer in time"),
        HttpRequestException http => new(null, null, string.Create(CultureInfo.InvariantCulture, $"{http.GetType().Name} ({http.HttpRequestError})")),
        JsonException => new(null, null, "unreadable answer"),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => new(null, null, "no answer in time (HTTP client timeout)"),
        _ => null,
    };

    /// <summary>
    /// The delivery status for a failed send, call or start. 429 and 409 (a verification already running for the number) are
    /// "throttled"; 5xx and no answer are "unavailable"; a 400/422 that names the number is "invalid number"; 412 is
    /// "undeliverable"; every other answer (401 credentials, 402 balance, 403, 404, other 4xx) needs an operator.
    /// </summary>
    public PhoneDeliveryStatus DeliveryStatus => StatusCode switch
    {
        null => PhoneDeliveryStatus.ProviderUnavailable,
        HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict => PhoneDeliveryStatus.Throttled,
        HttpStatusCode.RequestTimeout => PhoneDeliveryStatus.ProviderUnavailable,
        >= HttpStatusCode.InternalServerError => PhoneDeliveryStatus.ProviderUnavailable,
        HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity when Problem?.NamesInvalidNumber == true => PhoneDeliveryStatus.InvalidNumber,
        HttpStatusCode.PreconditionFailed => PhoneDeliveryStatus.Undeliverable,
        _ => PhoneDeliveryStatus.ProviderRejected,
    };

    /// <summary>The failed delivery as StepUp's result.</summary>
    public PhoneDeliveryResult ToDeliveryResult() => new(DeliveryStatus, Detail: "Vonage: " + Description);
}

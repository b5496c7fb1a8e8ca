using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using StepUp.Vonage.Diagnostics;

namespace StepUp.Vonage.Http;

/// <summary>
/// The resilience pipeline of every Vonage HTTP client, outermost first: a time budget for the whole request
/// (<see cref="VonageOptions.TotalTimeout"/>), retries with exponential backoff and jitter (<see cref="VonageOptions.MaxAttempts"/>,
/// <see cref="VonageOptions.RetryDelay"/>), and a timeout per attempt (<see cref="VonageOptions.AttemptTimeout"/>).
/// </summary>
/// <remarks>
/// Retried: connection failures, attempt timeouts, HTTP 408, 429 and 5xx, and whatever <c>retryOnSuccess</c> says of a 2xx
/// (the SMS API answers 200 with a per-message status). Not retried: every other 4xx (bad credentials, invalid number, low
/// balance …), and a 429 whose <c>Retry-After</c> asks for more than <see cref="VonageOptions.RetryMaxDelay"/>: the user is
/// better told to try again later than kept waiting.
/// </remarks>
internal static class VonageResilience
{
    /// <summary>Configures <paramref name="builder"/> for the Vonage API called <paramref name="api"/>.</summary>
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        ResilienceHandlerContext context,
        string api,
        Func<HttpResponseMessage, CancellationToken, ValueTask<bool>>? retryOnSuccess = null)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<VonageOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VonageResilience).FullName!);
        builder.TimeProvider = time;

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "Budget",
            Timeout = options.TotalTimeout,
            OnTimeout = args =>
            {
                logger.BudgetExhausted(api, args.Timeout.TotalSeconds);
                return default;
            },
        });

        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, options, time, retryOnSuccess, args.Context.CancellationToken),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, time)),
                OnRetry = args =>
                {
                    logger.Retrying(api, args.AttemptNumber + 2, Reason(args.Outcome), args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "Attempt", Timeout = options.AttemptTimeout });
    }

    /// <summary>Whether an outcome is worth another attempt.</summary>
    internal static async ValueTask<bool> ShouldRetryAsync(
        Outcome<HttpResponseMessage> outcome,
        VonageOptions options,
        TimeProvider time,
        Func<HttpResponseMessage, CancellationToken, ValueTask<bool>>? retryOnSuccess,
        CancellationToken cancellationToken)
    {
        if (outcome.Exception is { } exception)
        {
            // The caller's own cancellation is an OperationCanceledException and is never retried.
            return exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result!;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return RetryAfter(response, time) is not { } wait || wait <= options.RetryMaxDelay;
        }

        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            return true;
        }

        return response.IsSuccessStatusCode && retryOnSuccess is not null &&
            await retryOnSuccess(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The wait a 429 or 503 asks for in <c>Retry-After</c>, or <see langword="null"/>.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        if (response?.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string Reason(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e
            ? e.GetType().Name
            : "HTTP " + ((int)outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

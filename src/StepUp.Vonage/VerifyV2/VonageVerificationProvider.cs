using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.Vonage.Diagnostics;
using StepUp.Vonage.Http;

namespace StepUp.Vonage.VerifyV2;

/// <summary>
/// <see cref="IPhoneVerificationProvider"/> on Vonage Verify v2: Vonage makes, sends and checks the code; StepUp keeps grants,
/// send limits, tries and the verified phone. Never throws for a Vonage failure.
/// </summary>
/// <remarks>
/// Start: 202 → accepted; 409 (a verification to this number is running) and 429 → throttled; 422 naming the number → invalid
/// number, otherwise refused; 401/402/403 → refused; 5xx, no answer → unavailable. Check: 200 → verified; 400 → wrong code;
/// 404 and 410 (expired, or too many wrong codes) → expired; anything else → unavailable.
/// </remarks>
internal sealed class VonageVerificationProvider(
    IVerifyV2Client client,
    IOptions<VonageOptions> options,
    ILogger<VonageVerificationProvider> logger) : IPhoneVerificationProvider
{
    private const string Api = "Verify v2";
    private const int MaxBrandLength = 18;
    private const int MaxClientRefLength = 40;

    public async Task<ProviderVerificationStart> StartAsync(ProviderVerificationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = options.Value;
        var to = VonageNumber.From(request.To);
        var channels = value.VerifyFallback ? [request.Channel, Other(request.Channel)] : new[] { request.Channel };
        var clientRef = ClientRef(request.ClientReference);
        var body = new StartVerificationRequest
        {
            Brand = Brand(value.VerifyBrand ?? request.Brand),
            Workflow = [.. channels.Select(c => Step(c, to, value))],
            CodeLength = request.CodeLength,
            ChannelTimeout = (int)value.VerifyChannelTimeout.TotalSeconds,
            Locale = VerifyLocales.For(request.Culture),
            ClientRef = clientRef,
        };

        try
        {
            var response = await client.StartVerificationAsync(body, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(response.RequestId))
            {
                logger.RequestFailed(Api, "start", "no request_id in the answer", nameof(PhoneDeliveryStatus.ProviderUnavailable));
                return new ProviderVerificationStart(new PhoneDeliveryResult(PhoneDeliveryStatus.ProviderUnavailable, Detail: "Vonage: no request_id"), null);
            }

            logger.VerificationStarted(response.RequestId, Name(request.Channel), channels.Length, clientRef);
            return new ProviderVerificationStart(PhoneDeliveryResult.Accept(response.RequestId), response.RequestId);
        }
        catch (Exception e) when (VonageFailure.From(e, cancellationToken) is { } failure)
        {
            var result = failure.ToDeliveryResult();
            logger.RequestFailed(Api, "start", failure.Description, result.Status.ToString());
            return new ProviderVerificationStart(result, null);
        }
    }

    public async Task<ProviderVerificationStart> SwitchChannelAsync(string requestId, PhoneChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        try
        {
            await client.NextWorkflowAsync(requestId, cancellationToken).ConfigureAwait(false);
            logger.VerificationSwitched(requestId);
            return new ProviderVerificationStart(PhoneDeliveryResult.Accept(requestId), requestId);
        }
        catch (Exception e) when (VonageFailure.From(e, cancellationToken) is { } failure)
        {
            // 404: the verification is over; StepUp drops its challenge and the next request starts a new one.
            var result = failure.StatusCode == HttpStatusCode.NotFound
                ? new PhoneDeliveryResult(PhoneDeliveryStatus.ProviderUnavailable, Detail: "Vonage: the verification is no longer running")
                : failure.ToDeliveryResult();
            logger.RequestFailed(Api, "next_workflow", failure.Description, result.Status.ToString());
            return new ProviderVerificationStart(result, null);
        }
    }

    public async Task<ProviderCheckResult> CheckAsync(string requestId, string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentException.ThrowIfNullOrEmpty(code);
        try
        {
            await client.VerifyCodeAsync(requestId, code, cancellationToken).ConfigureAwait(false);
            return new ProviderCheckResult(ProviderCheckStatus.Verified);
        }
        catch (Exception e) when (VonageFailure.From(e, cancellationToken) is { } failure)
        {
            switch (failure.StatusCode)
            {
                case HttpStatusCode.BadRequest:
                    return new ProviderCheckResult(ProviderCheckStatus.WrongCode, "Vonage: " + failure.Description);
                case HttpStatusCode.NotFound or HttpStatusCode.Gone:
                    return new ProviderCheckResult(ProviderCheckStatus.Expired, "Vonage: " + failure.Description);
                default:
                    logger.RequestFailed(Api, "check", failure.Description, nameof(ProviderCheckStatus.ProviderUnavailable));
                    return new ProviderCheckResult(ProviderCheckStatus.ProviderUnavailable, "Vonage: " + failure.Description);
            }
        }
    }

    public async Task CancelAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        try
        {
            await client.CancelAsync(requestId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (VonageFailure.From(e, cancellationToken) is { } failure)
        {
            if (failure.StatusCode == HttpStatusCode.NotFound)
            {
                logger.CancelIgnored(requestId);
            }
            else
            {
                // Vonage only cancels between 30 seconds after the start and the second channel; the verification then
                // simply runs out. Nothing the user can do about it, so it is logged and ignored.
                logger.RequestFailed(Api, "cancel", failure.Description, "ignored");
            }
        }
    }

    private static VerificationWorkflow Step(PhoneChannel channel, string to, VonageOptions options) => new()
    {
        Channel = Name(channel),
        To = to,
        From = channel == PhoneChannel.Sms && !string.IsNullOrWhiteSpace(options.SmsFrom) ? VonageNumber.From(options.SmsFrom) : null,
    };

    private static string Name(PhoneChannel channel) => channel == PhoneChannel.Voice ? "voice" : "sms";

    private static PhoneChannel Other(PhoneChannel channel) => channel == PhoneChannel.Voice ? PhoneChannel.Sms : PhoneChannel.Voice;

    /// <summary>Verify's brand: at most 18 characters and none of <c>/ { } : $</c> (Vonage answers 422 otherwise).</summary>
    internal static string Brand(string brand)
    {
        var builder = new StringBuilder(MaxBrandLength);
        foreach (var c in brand)
        {
            if (builder.Length == MaxBrandLength)
            {
                break;
            }

            if (c is not ('/' or '{' or '}' or ':' or '$') && !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? "StepUp" : cleaned;
    }

    /// <summary>Verify's client_ref: letters and digits only, at most 40.</summary>
    internal static string? ClientRef(string reference)
    {
        var cleaned = new string([.. reference.Where(char.IsAsciiLetterOrDigit).Take(MaxClientRefLength)]);
        return cleaned.Length == 0 ? null : cleaned;
    }
}

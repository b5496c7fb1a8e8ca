using Microsoft.Extensions.Logging;
using StepUp.AspNetCore.Channels;

namespace StepUp.Vonage.Diagnostics;

/// <summary>
/// StepUp.Vonage's log messages, event ids 400–499. Ids never change once shipped. No message carries a phone number, a code,
/// the API secret, the private key or a JWT; provider texts pass through <see cref="Http.LogText"/> first.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(400, LogLevel.Debug, "Vonage accepted the text message {MessageId} ({Parts} part(s), client-ref {ClientRef}).", EventName = "SmsAccepted")]
    public static partial void SmsAccepted(this ILogger logger, string? messageId, int parts, string clientRef);

    [LoggerMessage(401, LogLevel.Warning, "Vonage refused the text message: SMS status {SmsStatus} ({SmsStatusName}), delivery {DeliveryStatus} (client-ref {ClientRef}).", EventName = "SmsRefused")]
    public static partial void SmsRefused(this ILogger logger, int smsStatus, string smsStatusName, PhoneDeliveryStatus deliveryStatus, string clientRef);

    [LoggerMessage(402, LogLevel.Debug, "Vonage placed call {CallUuid} (voice {Language}, client-ref {ClientRef}).", EventName = "CallPlaced")]
    public static partial void CallPlaced(this ILogger logger, string? callUuid, string language, string clientRef);

    [LoggerMessage(403, LogLevel.Warning, "A voice call was asked for, but StepUp:Vonage:ApplicationId and StepUp:Vonage:PrivateKey are not set.", EventName = "VoiceNotConfigured")]
    public static partial void VoiceNotConfigured(this ILogger logger);

    [LoggerMessage(404, LogLevel.Debug, "Vonage has no voice for culture {Culture}; speaking {Language}.", EventName = "VoiceLanguageFallback")]
    public static partial void VoiceLanguageFallback(this ILogger logger, string culture, string language);

    [LoggerMessage(405, LogLevel.Warning, "Vonage {Api} {Operation} failed: {Failure}; outcome {Outcome}.", EventName = "RequestFailed")]
    public static partial void RequestFailed(this ILogger logger, string api, string operation, string failure, string outcome);

    [LoggerMessage(406, LogLevel.Debug, "Vonage Verify started request {RequestId} ({Channel} first, {Steps} step(s), client-ref {ClientRef}).", EventName = "VerificationStarted")]
    public static partial void VerificationStarted(this ILogger logger, string requestId, string channel, int steps, string? clientRef);

    [LoggerMessage(407, LogLevel.Debug, "Vonage Verify moved request {RequestId} to its next channel.", EventName = "VerificationSwitched")]
    public static partial void VerificationSwitched(this ILogger logger, string requestId);

    [LoggerMessage(408, LogLevel.Debug, "Vonage Verify request {RequestId} was not running any more when cancelled.", EventName = "CancelIgnored")]
    public static partial void CancelIgnored(this ILogger logger, string requestId);

    [LoggerMessage(409, LogLevel.Information, "Retrying Vonage {Api}, attempt {Attempt}, after {Reason}; waiting {DelayMilliseconds} ms.", EventName = "Retrying")]
    public static partial void Retrying(this ILogger logger, string api, int attempt, string reason, double delayMilliseconds);

    [LoggerMessage(410, LogLevel.Warning, "Vonage {Api} gave up: its time budget of {BudgetSeconds} s is spent.", EventName = "BudgetExhausted")]
    public static partial void BudgetExhausted(this ILogger logger, string api, double budgetSeconds);
}

using Microsoft.Extensions.Logging;

namespace StepUp.AspNetCore.Diagnostics;

/// <summary>StepUp's log messages. Event ids never change once shipped. No message carries a phone number or a code.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Step-up challenge issued for a {Mode} requirement ({Response}).", EventName = "ChallengeIssued")]
    public static partial void ChallengeIssued(this ILogger logger, StepUpMode mode, string response);

    [LoggerMessage(2, LogLevel.Information, "Code sent by {Channel} for {Purpose} (challenge {ChallengeId}).", EventName = "CodeSent")]
    public static partial void CodeSent(this ILogger logger, PhoneChannel channel, Store.ChallengePurpose purpose, string challengeId);

    [LoggerMessage(3, LogLevel.Warning, "Code delivery by {Channel} failed: {DeliveryStatus} ({Detail}).", EventName = "DeliveryFailed")]
    public static partial void DeliveryFailed(this ILogger logger, PhoneChannel channel, Channels.PhoneDeliveryStatus deliveryStatus, string? detail);

    [LoggerMessage(4, LogLevel.Information, "Send refused: {Limit} limit, retry after {RetryAfterSeconds} s.", EventName = "SendRateLimited")]
    public static partial void SendRateLimited(this ILogger logger, Store.SendLimitKind limit, double retryAfterSeconds);

    [LoggerMessage(5, LogLevel.Information, "Phone verified by {Channel} for {Purpose} (challenge {ChallengeId}).", EventName = "PhoneVerified")]
    public static partial void PhoneVerified(this ILogger logger, PhoneChannel channel, Store.ChallengePurpose purpose, string challengeId);

    [LoggerMessage(6, LogLevel.Information, "Code check failed: {Status}, {AttemptsLeft} tries left (challenge {ChallengeId}).", EventName = "VerificationFailed")]
    public static partial void VerificationFailed(this ILogger logger, Verification.VerifyCodeStatus status, int attemptsLeft, string challengeId);

    [LoggerMessage(7, LogLevel.Error, "The StepUp store is unavailable; protected endpoints answer 503.", EventName = "StoreUnavailable")]
    public static partial void StoreUnavailable(this ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Step-up grant recorded ({Channel}, transaction-bound: {TransactionBound}).", EventName = "GrantRecorded")]
    public static partial void GrantRecorded(this ILogger logger, PhoneChannel channel, bool transactionBound);

    [LoggerMessage(9, LogLevel.Information, "Step-up grants revoked at sign-out.", EventName = "GrantsRevoked")]
    public static partial void GrantsRevoked(this ILogger logger);

    [LoggerMessage(10, LogLevel.Warning, "The notice to the replaced phone number was not delivered: {DeliveryStatus}.", EventName = "PhoneChangedNoticeFailed")]
    public static partial void PhoneChangedNoticeFailed(this ILogger logger, Channels.PhoneDeliveryStatus deliveryStatus);

    [LoggerMessage(11, LogLevel.Information, "Verified phone replaced.", EventName = "PhoneReplaced")]
    public static partial void PhoneReplaced(this ILogger logger);

    [LoggerMessage(12, LogLevel.Warning, "Ignored a return URL that is not local.", EventName = "ReturnUrlRejected")]
    public static partial void ReturnUrlRejected(this ILogger logger);

    [LoggerMessage(13, LogLevel.Warning, "The verification provider failed: {Detail}.", EventName = "ProviderFailed")]
    public static partial void ProviderFailed(this ILogger logger, string? detail);

    [LoggerMessage(14, LogLevel.Debug, "Phone MFA requirement satisfied by {Source}.", EventName = "RequirementSatisfied")]
    public static partial void RequirementSatisfied(this ILogger logger, string source);

    [LoggerMessage(15, LogLevel.Warning, "The step-up session could not be re-issued: scheme {Scheme} cannot sign in.", EventName = "SessionNotReissued")]
    public static partial void SessionNotReissued(this ILogger logger, string? scheme);
}

using Microsoft.Extensions.Logging;

namespace StepUp.OpenIdConnect.Diagnostics;

/// <summary>The redirect mode's log messages (event ids 200–299, never changed once shipped). No token, code or phone number is logged.</summary>
internal static partial class Log
{
    [LoggerMessage(200, LogLevel.Information, "Step-up challenge sent to the directory ({Dialect}, {Target}).", EventName = "DirectoryChallengeIssued")]
    public static partial void DirectoryChallengeIssued(this ILogger logger, DirectoryDialect dialect, string target);

    [LoggerMessage(201, LogLevel.Information, "Directory step-up accepted ({Dialect}, {Target}).", EventName = "DirectoryStepUpAccepted")]
    public static partial void DirectoryStepUpAccepted(this ILogger logger, DirectoryDialect dialect, string target);

    [LoggerMessage(202, LogLevel.Warning, "Directory step-up rejected: {Outcome} (policy or acr {Presented}).", EventName = "DirectoryStepUpRejected")]
    public static partial void DirectoryStepUpRejected(this ILogger logger, DirectoryStepUpOutcome outcome, string? presented);

    [LoggerMessage(203, LogLevel.Information, "Directory step-up cancelled by the user.", EventName = "DirectoryStepUpCancelled")]
    public static partial void DirectoryStepUpCancelled(this ILogger logger);

    [LoggerMessage(204, LogLevel.Warning, "Directory step-up failed at the callback ({FailureType}).", EventName = "DirectoryStepUpFailed")]
    public static partial void DirectoryStepUpFailed(this ILogger logger, string failureType);

    [LoggerMessage(205, LogLevel.Warning, "A directory step-up accepted moments ago does not satisfy the requirement; not redirecting again. Check StepUp:DirectoryMfaPolicies and the claims kept in the session.", EventName = "DirectoryLoopPrevented")]
    public static partial void DirectoryLoopPrevented(this ILogger logger);

    [LoggerMessage(206, LogLevel.Debug, "Policy metadata manager created for {Policy}.", EventName = "PolicyMetadataCreated")]
    public static partial void PolicyMetadataCreated(this ILogger logger, string policy);
}

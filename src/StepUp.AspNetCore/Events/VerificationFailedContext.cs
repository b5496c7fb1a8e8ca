using Microsoft.AspNetCore.Http;
using StepUp.AspNetCore.Verification;

namespace StepUp.AspNetCore;

/// <summary>Context of <see cref="StepUpEvents.VerificationFailed"/>.</summary>
public sealed class VerificationFailedContext
{
    /// <summary>The request, when there is one.</summary>
    public HttpContext? HttpContext { get; init; }

    /// <summary>The user.</summary>
    public required string UserId { get; init; }

    /// <summary>Why it failed.</summary>
    public required VerifyCodeStatus Status { get; init; }

    /// <summary>Tries left for the code.</summary>
    public required int AttemptsLeft { get; init; }
}

using Microsoft.AspNetCore.Http;

namespace StepUp.AspNetCore.Verification;

/// <summary>A code typed by the user, handled by <see cref="PhoneVerificationService.VerifyAsync"/>.</summary>
public sealed record VerifyCodeRequest
{
    /// <summary>The user.</summary>
    public required string UserId { get; init; }

    /// <summary>The challenge being answered.</summary>
    public required string ChallengeId { get; init; }

    /// <summary>The code as typed.</summary>
    public required string Code { get; init; }

    /// <summary>The request, when there is one (passed to events).</summary>
    public HttpContext? HttpContext { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"VerifyCodeRequest {{ ChallengeId = {ChallengeId}, Code = (redacted) }}";
}

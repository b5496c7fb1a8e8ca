using Microsoft.AspNetCore.Http;
using StepUp.AspNetCore.Store;

namespace StepUp.AspNetCore;

/// <summary>Context of <see cref="StepUpEvents.CodeSending"/>.</summary>
public sealed class CodeSendingContext
{
    /// <summary>The request, when there is one.</summary>
    public HttpContext? HttpContext { get; init; }

    /// <summary>The user.</summary>
    public required string UserId { get; init; }

    /// <summary>The channel.</summary>
    public required PhoneChannel Channel { get; init; }

    /// <summary>What the code is for.</summary>
    public required ChallengePurpose Purpose { get; init; }

    /// <summary>The destination, masked.</summary>
    public required string MaskedPhoneNumber { get; init; }
}

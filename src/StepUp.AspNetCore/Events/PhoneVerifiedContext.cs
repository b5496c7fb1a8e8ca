using Microsoft.AspNetCore.Http;
using StepUp.AspNetCore.Store;

namespace StepUp.AspNetCore;

/// <summary>Context of <see cref="StepUpEvents.PhoneVerified"/>.</summary>
public sealed class PhoneVerifiedContext
{
    /// <summary>The request, when there is one.</summary>
    public HttpContext? HttpContext { get; init; }

    /// <summary>The user.</summary>
    public required string UserId { get; init; }

    /// <summary>The channel the code came by.</summary>
    public required PhoneChannel Channel { get; init; }

    /// <summary>What the code was for.</summary>
    public required ChallengePurpose Purpose { get; init; }

    /// <summary>The verified number, masked.</summary>
    public required string MaskedPhoneNumber { get; init; }
}

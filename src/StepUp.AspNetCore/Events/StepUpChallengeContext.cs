using Microsoft.AspNetCore.Http;

namespace StepUp.AspNetCore;

/// <summary>Context of <see cref="StepUpEvents.Challenge"/>.</summary>
public sealed class StepUpChallengeContext
{
    /// <summary>The request.</summary>
    public required HttpContext HttpContext { get; init; }

    /// <summary>The unmet requirement.</summary>
    public required PhoneMfaRequirement Requirement { get; init; }

    /// <summary>Its effective max age.</summary>
    public required TimeSpan MaxAge { get; init; }

    /// <summary>Its effective mode.</summary>
    public required StepUpMode Mode { get; init; }

    /// <summary>Whether the request is an API request (answered with 401 and RFC 9470 <c>WWW-Authenticate</c>).</summary>
    public required bool IsApiRequest { get; init; }

    /// <summary>The local URL to return to after the step-up.</summary>
    public required string ReturnUrl { get; init; }

    /// <summary>Whether the app wrote the response itself.</summary>
    public bool Handled { get; private set; }

    /// <summary>Skips StepUp's response: the app wrote its own.</summary>
    public void HandleResponse() => Handled = true;
}

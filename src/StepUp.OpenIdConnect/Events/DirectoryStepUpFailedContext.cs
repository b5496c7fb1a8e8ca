using Microsoft.AspNetCore.Http;

namespace StepUp.OpenIdConnect;

/// <summary>Context of <see cref="OpenIdConnectRedirectEvents.StepUpFailed"/>.</summary>
public sealed class DirectoryStepUpFailedContext
{
    /// <summary>The request (the callback, or the protected request for <see cref="DirectoryStepUpOutcome.NotRecognised"/>).</summary>
    public required HttpContext HttpContext { get; init; }

    /// <summary>What happened.</summary>
    public required DirectoryStepUpOutcome Outcome { get; init; }

    /// <summary>The local URL the user wanted; safe to link to.</summary>
    public required string ReturnUrl { get; init; }

    /// <summary>Whether the app wrote the response itself.</summary>
    public bool Handled { get; private set; }

    /// <summary>Skips StepUp's response (a redirect to its result page): the app wrote its own.</summary>
    public void HandleResponse() => Handled = true;
}

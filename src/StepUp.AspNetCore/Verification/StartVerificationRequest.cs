using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using StepUp.AspNetCore.Store;
using StepUp.AspNetCore.Transactions;

namespace StepUp.AspNetCore.Verification;

/// <summary>A request to send a code, handled by <see cref="PhoneVerificationService.StartAsync"/>.</summary>
public sealed record StartVerificationRequest
{
    /// <summary>The user.</summary>
    public required string UserId { get; init; }

    /// <summary>What the code is for.</summary>
    public required ChallengePurpose Purpose { get; init; }

    /// <summary>How to send it.</summary>
    public required PhoneChannel Channel { get; init; }

    /// <summary>The number the user typed, for <see cref="ChallengePurpose.Enrollment"/> and <see cref="ChallengePurpose.ChangePhone"/>.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The channels the requirement allows. Default: <see cref="PhoneChannels.All"/>.</summary>
    public PhoneChannels AllowedChannels { get; init; } = PhoneChannels.All;

    /// <summary>The client address as the app sees it, for the per-address send limit.</summary>
    public IPAddress? ClientAddress { get; init; }

    /// <summary>The host the code is bound to in the one-time-code format (<c>@host #code</c>), e.g. <c>bank.example</c>.</summary>
    public string? Origin { get; init; }

    /// <summary>The operation the code approves, for per-transaction grants.</summary>
    public StepUpTransaction? Transaction { get; init; }

    /// <summary>The language of the message. Default: the current UI culture.</summary>
    public CultureInfo? Culture { get; init; }

    /// <summary>The request, when there is one (passed to events).</summary>
    public HttpContext? HttpContext { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"StartVerificationRequest {{ Purpose = {Purpose}, Channel = {Channel} }}";
}

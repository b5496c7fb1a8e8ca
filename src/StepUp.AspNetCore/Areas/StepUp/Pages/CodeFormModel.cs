using StepUp.AspNetCore.Verification;

namespace StepUp.AspNetCore.Pages;

/// <summary>What the shared code form shows.</summary>
/// <param name="Pending">The code waiting to be typed.</param>
/// <param name="Error">The error about the code field, if any.</param>
/// <param name="ReturnUrl">The safe return URL.</param>
/// <param name="Channels">The channel hint to carry along.</param>
/// <param name="Offered">The channels offered for a resend or a switch.</param>
/// <param name="Transaction">The ticket of the operation being approved, if any.</param>
public sealed record CodeFormModel(PendingCode Pending, string? Error, string ReturnUrl, string? Channels, PhoneChannels Offered, string? Transaction = null);

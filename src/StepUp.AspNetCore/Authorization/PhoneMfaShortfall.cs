namespace StepUp.AspNetCore.Authorization;

/// <summary>
/// Why a <see cref="PhoneMfaRequirement"/> was not met on this request, kept in <c>HttpContext.Items</c> by the handler for
/// the challenge: the strictest unmet requirement, and whether the store was unreachable (503, not a step-up).
/// </summary>
internal sealed record PhoneMfaShortfall(PhoneMfaRequirement Requirement, TimeSpan MaxAge, bool StoreUnavailable);

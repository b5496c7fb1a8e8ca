using Microsoft.AspNetCore.Authorization;

namespace StepUp.AspNetCore;

/// <summary>Explains why a <see cref="PhoneMfaRequirement"/> was not met; read by StepUp's challenge.</summary>
public sealed class PhoneMfaFailureReason : AuthorizationFailureReason
{
    internal PhoneMfaFailureReason(IAuthorizationHandler handler, PhoneMfaRequirement requirement, TimeSpan maxAge, bool storeUnavailable)
        : base(handler, storeUnavailable
            ? "Phone verification could not be checked: the StepUp store is unavailable."
            : $"A phone verification (text message or voice call) no older than {maxAge} is required.")
    {
        Requirement = requirement;
        MaxAge = maxAge;
        StoreUnavailable = storeUnavailable;
    }

    /// <summary>The unmet requirement.</summary>
    public PhoneMfaRequirement Requirement { get; }

    /// <summary>Its effective max age.</summary>
    public TimeSpan MaxAge { get; }

    /// <summary>Whether the store could not be reached (answered with 503, not a step-up).</summary>
    public bool StoreUnavailable { get; }
}

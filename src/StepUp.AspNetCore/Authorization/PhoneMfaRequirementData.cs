using Microsoft.AspNetCore.Authorization;

namespace StepUp.AspNetCore;

/// <summary>Endpoint metadata that supplies a <see cref="PhoneMfaRequirement"/> (added by <c>RequirePhoneMfa()</c> and the page conventions).</summary>
public sealed class PhoneMfaRequirementData : IAuthorizationRequirementData
{
    /// <summary>Wraps <paramref name="requirement"/>.</summary>
    public PhoneMfaRequirementData(PhoneMfaRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        Requirement = requirement;
    }

    /// <summary>The requirement.</summary>
    public PhoneMfaRequirement Requirement { get; }

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements()
    {
        yield return Requirement;
    }
}

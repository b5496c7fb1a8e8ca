using Microsoft.AspNetCore.Http;

namespace StepUp.AspNetCore.Challenges;

/// <summary>
/// Issues the browser challenge for requirements in <see cref="StepUpMode.DirectoryRedirect"/> mode: sends the user to the
/// directory with a policy that has MFA enabled. Registered by StepUp.OpenIdConnect (<c>AddOpenIdConnectRedirect</c>).
/// </summary>
public interface IDirectoryStepUpChallenge
{
    /// <summary>Writes the challenge (normally an OpenID Connect redirect) for <paramref name="requirement"/>.</summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="requirement">The unmet requirement.</param>
    /// <param name="maxAge">Its effective max age.</param>
    /// <param name="returnUrl">The local URL to come back to.</param>
    Task ChallengeAsync(HttpContext httpContext, PhoneMfaRequirement requirement, TimeSpan maxAge, string returnUrl);
}

using InsuranceApp.Sites;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StepUp.AspNetCore;

namespace InsuranceApp.Pages;

/// <summary>The policy: behind a sign-in, and behind phone MFA when the site's configuration says so.</summary>
public sealed class IndexModel(InsuranceSiteOptions site) : PageModel
{
    /// <summary>The site.</summary>
    public InsuranceSiteOptions Site { get; } = site;

    /// <summary>How this session proved a phone, if it did: at the directory, or in this app.</summary>
    public string? PhoneVerification { get; private set; }

    /// <summary>Shows the policy.</summary>
    public void OnGet() =>
        PhoneVerification = User.GetStepUp() is { } stepUp
            ? $"Phone verified in this app by {(stepUp.Channel == PhoneChannel.Sms ? "text" : "call")}."
            : User.HasClaim(c => c.Type is "amr" or "http://schemas.microsoft.com/claims/authnmethodsreferences" && c.Value == "mfa")
                ? "Phone verified at the directory."
                : null;
}

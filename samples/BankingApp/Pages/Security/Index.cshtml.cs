using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StepUp.AspNetCore.Verification;

namespace BankingApp.Pages.Security;

/// <summary>Security settings: behind phone MFA for the whole /Security folder.</summary>
public sealed class SecurityModel(PhoneVerificationService verification) : PageModel
{
    /// <summary>The attached number, masked.</summary>
    public string? MaskedPhone { get; private set; }

    /// <summary>Shows the attached number.</summary>
    public async Task OnGetAsync() =>
        MaskedPhone = (await verification.GetStateAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, HttpContext.RequestAborted)).MaskedPhoneNumber;
}

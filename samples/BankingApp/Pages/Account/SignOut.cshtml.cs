using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BankingApp.Pages.Account;

/// <summary>Signs out (StepUp ends the session's grants as the cookie is removed).</summary>
public sealed class SignOutModel : PageModel
{
    /// <summary>Nothing to show: sign-out is a POST.</summary>
    public IActionResult OnGet() => LocalRedirect("/");

    /// <summary>Signs out.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync();
        return LocalRedirect("/");
    }
}

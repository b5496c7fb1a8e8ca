using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BankingApp.Pages.Account;

/// <summary>Sends the browser to the directory's sign-in page, and back to <see cref="ReturnUrl"/> (a local URL) afterwards.</summary>
public sealed class SignInModel : PageModel
{
    /// <summary>Where to go after signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Challenges the directory.</summary>
    public IActionResult OnGet() => Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" });
}

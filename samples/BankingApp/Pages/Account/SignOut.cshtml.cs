using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BankingApp.Pages.Account;

/// <summary>
/// Signs out here (StepUp ends the session's grants as the cookie is removed) and at the directory (its end-session
/// endpoint ends the single sign-on session), then shows <c>/Account/SignedOut</c>.
/// </summary>
public sealed class SignOutModel : PageModel
{
    /// <summary>Nothing to show: sign-out is a POST.</summary>
    public IActionResult OnGet() => LocalRedirect("/");

    /// <summary>Signs out of the app and the directory.</summary>
    public IActionResult OnPost() => SignOut(
        new AuthenticationProperties { RedirectUri = "/Account/SignedOut" },
        CookieAuthenticationDefaults.AuthenticationScheme,
        OpenIdConnectDefaults.AuthenticationScheme);
}

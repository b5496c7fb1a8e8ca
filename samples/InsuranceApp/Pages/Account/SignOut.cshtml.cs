using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InsuranceApp.Pages.Account;

/// <summary>Signs out of this site and of the directory (end-session), then shows <c>/Account/SignedOut</c>.</summary>
public sealed class SignOutModel : PageModel
{
    /// <summary>Nothing to show: sign-out is a POST.</summary>
    public IActionResult OnGet() => LocalRedirect("/");

    /// <summary>Signs out.</summary>
    public IActionResult OnPost() => SignOut(
        new AuthenticationProperties { RedirectUri = "/Account/SignedOut" },
        CookieAuthenticationDefaults.AuthenticationScheme,
        OpenIdConnectDefaults.AuthenticationScheme);
}

using System.Security.Claims;
using BankingApp.Banking;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BankingApp.Pages.Account;

/// <summary>The development-only sign-in: 404 in every other environment.</summary>
public sealed class SignInModel(IHostEnvironment environment) : PageModel
{
    /// <summary>Where to go after signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The demo user chosen.</summary>
    [BindProperty]
    public string? UserId { get; set; }

    /// <summary>Shows the demo users.</summary>
    public IActionResult OnGet() => environment.IsDevelopment() ? Page() : NotFound();

    /// <summary>Signs the chosen demo user in.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        var user = DemoUsers.All.FirstOrDefault(u => u.Id == UserId);
        if (user.Id is null)
        {
            return BadRequest();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Name)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}

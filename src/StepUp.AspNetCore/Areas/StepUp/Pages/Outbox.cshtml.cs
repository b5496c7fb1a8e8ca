using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StepUp.AspNetCore.Development;

namespace StepUp.AspNetCore.Pages;

/// <summary>The development outbox page: the codes StepUp would have sent. Development only (404 elsewhere).</summary>
[AllowAnonymous]
public sealed class OutboxModel : PageModel
{
    /// <summary>The captured messages, newest first.</summary>
    public IReadOnlyList<DevelopmentOutboxMessage> Messages { get; private set; } = [];

    /// <summary>Lists the messages.</summary>
    public IActionResult OnGet()
    {
        var outbox = HttpContext.RequestServices.GetService<DevelopmentOutbox>();
        if (outbox is null || !HttpContext.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return NotFound();
        }

        Messages = outbox.Messages;
        return Page();
    }
}

using System.Security.Claims;
using BankingApp.Banking;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StepUp.AspNetCore.Transactions;

namespace BankingApp.Pages.Transfers;

/// <summary>
/// Confirms a pending transfer. Runs only with a code the user received for exactly this transfer (amount and payee in the
/// message); the approval is used up by one execution, and executing is idempotent, so a double submission moves money once.
/// </summary>
public sealed class ConfirmTransferModel(Ledger ledger, StepUpApprovals approvals) : PageModel
{
    /// <summary>The pending transfer.</summary>
    public PendingTransfer? Pending { get; private set; }

    /// <summary>The executed transfer.</summary>
    public Transfer? Done { get; private set; }

    /// <summary>What went wrong.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the transfer (or its result).</summary>
    public IActionResult OnGet(Guid id) => Load(id) ? Page() : NotFound();

    /// <summary>Executes the transfer once the user approved it with a code; otherwise asks for the code.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        if (Done is not null)
        {
            return Page(); // Already sent: a second submission moves nothing.
        }

        var approval = await approvals.ConsumeAsync(HttpContext, Pending!.ToTransaction(), returnUrl: $"/Transfers/Confirm/{id}");
        if (!approval.IsApproved)
        {
            return approval;
        }

        try
        {
            Done = ledger.Execute(Pending);
        }
        catch (InvalidOperationException ex)
        {
            Error = ex.Message;
            Response.StatusCode = 400;
        }

        return Page();
    }

    private bool Load(Guid id)
    {
        Pending = ledger.Find(User.FindFirstValue(ClaimTypes.NameIdentifier)!, id);
        Done = Pending is null ? null : ledger.Executed(id);
        return Pending is not null;
    }
}

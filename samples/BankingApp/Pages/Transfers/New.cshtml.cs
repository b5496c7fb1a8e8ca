using System.Globalization;
using System.Security.Claims;
using BankingApp.Banking;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BankingApp.Pages.Transfers;

/// <summary>Fills in (or changes) a transfer; it is kept server-side until confirmed.</summary>
public sealed class NewTransferModel(Ledger ledger) : PageModel
{
    /// <summary>The pending transfer being changed, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    /// <summary>Who receives the money.</summary>
    [BindProperty]
    public string? PayeeName { get; set; }

    /// <summary>Their IBAN.</summary>
    [BindProperty]
    public string? PayeeIban { get; set; }

    /// <summary>How much, as typed.</summary>
    [BindProperty]
    public string? Amount { get; set; }

    /// <summary>What is wrong with the form.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the form (filled in when changing a pending transfer).</summary>
    public void OnGet()
    {
        if (Edit is { } id && ledger.Find(UserId, id) is { } pending)
        {
            PayeeName = pending.PayeeName;
            PayeeIban = pending.PayeeIban;
            Amount = pending.Amount.ToString("0.00", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Saves the pending transfer and shows it for confirmation.</summary>
    public IActionResult OnPost()
    {
        if (TransferForm.Read(PayeeName, PayeeIban, Amount, out var error) is not { } transfer)
        {
            Error = error;
            Response.StatusCode = 400;
            return Page();
        }

        var pending = ledger.Save(UserId, Edit, transfer.Name, transfer.Iban, transfer.Amount);
        return RedirectToPage("/Transfers/Confirm", new { id = pending.Id });
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}

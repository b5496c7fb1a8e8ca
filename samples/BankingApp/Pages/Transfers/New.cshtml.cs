using System.Globalization;
using System.Security.Claims;
using BankingApp.Banking;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BankingApp.Pages.Transfers;

/// <summary>A wire transfer. The whole /Transfers folder requires phone MFA (a convention in Program.cs).</summary>
public sealed class NewTransferModel(Ledger ledger) : PageModel
{
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

    /// <summary>The executed transfer.</summary>
    public Transfer? Done { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Executes the transfer.</summary>
    public IActionResult OnPost()
    {
        if (string.IsNullOrWhiteSpace(PayeeName) || string.IsNullOrWhiteSpace(PayeeIban) ||
            !decimal.TryParse(Amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            Error = "Enter the payee's name and IBAN and an amount such as 500.00.";
            Response.StatusCode = 400;
            return Page();
        }

        try
        {
            Done = ledger.Execute(User.FindFirstValue(ClaimTypes.NameIdentifier)!, PayeeName.Trim(), PayeeIban.Trim(), amount);
            return Page();
        }
        catch (InvalidOperationException ex)
        {
            Error = ex.Message;
            Response.StatusCode = 400;
            return Page();
        }
    }
}

using System.Security.Claims;
using BankingApp.Banking;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BankingApp.Pages;

/// <summary>The balances: any signed-in user, no phone verification.</summary>
public sealed class IndexModel(Ledger ledger) : PageModel
{
    /// <summary>The user's accounts.</summary>
    public IReadOnlyList<BankAccount> Accounts { get; private set; } = [];

    /// <summary>The user's transfers.</summary>
    public IReadOnlyList<Transfer> Transfers { get; private set; } = [];

    /// <summary>Shows the balances.</summary>
    public void OnGet()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Accounts = ledger.AccountsOf(userId);
        Transfers = ledger.TransfersOf(userId);
    }
}

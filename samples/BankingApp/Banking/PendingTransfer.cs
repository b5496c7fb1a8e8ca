using System.Globalization;
using StepUp.AspNetCore.Transactions;

namespace BankingApp.Banking;

/// <summary>A transfer the user filled in and has not confirmed yet. Kept server-side; confirming needs a code for exactly it.</summary>
public sealed record PendingTransfer(Guid Id, string UserId, string PayeeName, string PayeeIban, decimal Amount, string Currency, int Version)
{
    /// <summary>The IBAN as the message shows it: country, check digits and the last four characters.</summary>
    public string MaskedIban => PayeeIban.Length > 8 ? $"{PayeeIban[..4]} ••• {PayeeIban[^4..]}" : PayeeIban;

    /// <summary>The amount as shown and sent.</summary>
    public string AmountText => $"{Currency} {Amount.ToString("N2", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// What the user approves with a code. The digest covers the id, version, amount, currency and payee: any change needs a
    /// new code, and an approval of one transfer never authorises another.
    /// </summary>
    public StepUpTransaction ToTransaction() => new(
        $"send {AmountText} to {MaskedIban}",
        Id.ToString("N"),
        Version.ToString(CultureInfo.InvariantCulture),
        Amount.ToString(CultureInfo.InvariantCulture),
        Currency,
        PayeeIban,
        PayeeName);
}

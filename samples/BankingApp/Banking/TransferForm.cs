using System.Globalization;
using System.Text.RegularExpressions;

namespace BankingApp.Banking;

/// <summary>Reads a transfer as typed: payee name, IBAN (letters and digits, spaces allowed), amount with at most two decimals.</summary>
public static partial class TransferForm
{
    /// <summary>Validates the input; the error says what to fix.</summary>
    public static (string Name, string Iban, decimal Amount)? Read(string? payeeName, string? payeeIban, string? amount, out string? error)
    {
        var name = payeeName?.Trim() ?? string.Empty;
        var iban = (payeeIban ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (name.Length is 0 or > 70)
        {
            error = "Enter the payee's name (at most 70 characters).";
            return null;
        }

        if (!Iban().IsMatch(iban))
        {
            error = "Enter the payee's IBAN, for example NL91 ABNA 0417 1643 00.";
            return null;
        }

        if (!decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 1_000_000 || decimal.Round(value, 2) != value)
        {
            error = "Enter an amount such as 500.00 (more than 0, at most two decimals).";
            return null;
        }

        error = null;
        return (name, iban, value);
    }

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$")]
    private static partial Regex Iban();
}

namespace BankingApp.Banking;

/// <summary>An account with its balance.</summary>
public sealed record BankAccount(string Number, string Name, decimal Balance, string Currency)
{
    /// <summary>The accounts every demo user starts with; transfers leave from the first.</summary>
    public static IReadOnlyList<BankAccount> Opening { get; } =
    [
        new("NL91 ABNA 0417 1643 00", "Current account", 2_450.75m, "EUR"),
        new("NL20 INGB 0001 2345 67", "Savings", 12_000.00m, "EUR"),
    ];
}

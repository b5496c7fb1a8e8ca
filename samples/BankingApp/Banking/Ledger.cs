using System.Collections.Concurrent;

namespace BankingApp.Banking;

/// <summary>An account with its balance.</summary>
public sealed record BankAccount(string Number, string Name, decimal Balance, string Currency);

/// <summary>A transfer that was executed.</summary>
public sealed record Transfer(Guid Id, string From, string PayeeName, string PayeeIban, decimal Amount, string Currency, DateTimeOffset At);

/// <summary>The demo bank's accounts (in memory).</summary>
public sealed class Ledger(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, BankAccount[]> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<Transfer>> _transfers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The accounts of <paramref name="userId"/> (opened on first sight).</summary>
    public IReadOnlyList<BankAccount> AccountsOf(string userId) => _accounts.GetOrAdd(userId, _ =>
    [
        new BankAccount("NL91 ABNA 0417 1643 00", "Current account", 2_450.75m, "EUR"),
        new BankAccount("NL20 INGB 0001 2345 67", "Savings", 12_000.00m, "EUR"),
    ]);

    /// <summary>The transfers of <paramref name="userId"/>, newest first.</summary>
    public IReadOnlyList<Transfer> TransfersOf(string userId)
    {
        lock (_lock)
        {
            return _transfers.TryGetValue(userId, out var list) ? [.. list.OrderByDescending(t => t.At)] : [];
        }
    }

    /// <summary>Moves money from the user's current account.</summary>
    public Transfer Execute(string userId, string payeeName, string payeeIban, decimal amount)
    {
        lock (_lock)
        {
            var accounts = AccountsOf(userId).ToArray();
            var source = accounts[0];
            if (amount <= 0 || amount > source.Balance)
            {
                throw new InvalidOperationException("The amount must be positive and at most the balance.");
            }

            accounts[0] = source with { Balance = source.Balance - amount };
            _accounts[userId] = accounts;
            var transfer = new Transfer(Guid.NewGuid(), source.Number, payeeName, payeeIban, amount, source.Currency, time.GetUtcNow());
            _transfers.GetOrAdd(userId, _ => []).Add(transfer);
            return transfer;
        }
    }
}

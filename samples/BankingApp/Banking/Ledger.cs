using System.Collections.Concurrent;

namespace BankingApp.Banking;

/// <summary>An account with its balance.</summary>
public sealed record BankAccount(string Number, string Name, decimal Balance, string Currency);

/// <summary>A transfer that was executed.</summary>
public sealed record Transfer(Guid Id, string From, string PayeeName, string PayeeIban, decimal Amount, string Currency, DateTimeOffset At);

/// <summary>The demo bank (in memory): accounts, pending transfers, executed transfers. Executing is idempotent per transfer id.</summary>
public sealed class Ledger(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, BankAccount[]> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, PendingTransfer> _pending = [];
    private readonly Dictionary<Guid, Transfer> _executed = [];
    private readonly Lock _lock = new();

    /// <summary>The accounts of <paramref name="userId"/> (opened on first sight).</summary>
    public IReadOnlyList<BankAccount> AccountsOf(string userId) => _accounts.GetOrAdd(userId, _ =>
    [
        new BankAccount("NL91 ABNA 0417 1643 00", "Current account", 2_450.75m, "EUR"),
        new BankAccount("NL20 INGB 0001 2345 67", "Savings", 12_000.00m, "EUR"),
    ]);

    /// <summary>The executed transfers of <paramref name="userId"/>, newest first.</summary>
    public IReadOnlyList<Transfer> TransfersOf(string userId)
    {
        lock (_lock)
        {
            return [.. _executed.Values.Where(t => _pending[t.Id].UserId == userId).OrderByDescending(t => t.At)];
        }
    }

    /// <summary>Creates a pending transfer, or changes one that is not executed yet (a new version: a new code is needed).</summary>
    public PendingTransfer Save(string userId, Guid? id, string payeeName, string payeeIban, decimal amount)
    {
        lock (_lock)
        {
            if (id is { } existing && _pending.TryGetValue(existing, out var current) && current.UserId == userId && !_executed.ContainsKey(existing))
            {
                return _pending[existing] = current with { PayeeName = payeeName, PayeeIban = payeeIban, Amount = amount, Version = current.Version + 1 };
            }

            var created = new PendingTransfer(Guid.NewGuid(), userId, payeeName, payeeIban, amount, "EUR", 1);
            _pending[created.Id] = created;
            return created;
        }
    }

    /// <summary>The user's pending transfer <paramref name="id"/>, or <see langword="null"/>.</summary>
    public PendingTransfer? Find(string userId, Guid id)
    {
        lock (_lock)
        {
            return _pending.TryGetValue(id, out var pending) && pending.UserId == userId ? pending : null;
        }
    }

    /// <summary>The executed transfer <paramref name="id"/>, or <see langword="null"/>.</summary>
    public Transfer? Executed(Guid id)
    {
        lock (_lock)
        {
            return _executed.GetValueOrDefault(id);
        }
    }

    /// <summary>Moves the money once: a second call for the same transfer returns the first result and moves nothing.</summary>
    public Transfer Execute(PendingTransfer pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        lock (_lock)
        {
            if (_executed.TryGetValue(pending.Id, out var done))
            {
                return done;
            }

            var accounts = AccountsOf(pending.UserId).ToArray();
            var source = accounts[0];
            if (pending.Amount <= 0 || pending.Amount > source.Balance)
            {
                throw new InvalidOperationException("The amount must be positive and at most the balance of the current account.");
            }

            accounts[0] = source with { Balance = source.Balance - pending.Amount };
            _accounts[pending.UserId] = accounts;
            var transfer = new Transfer(pending.Id, source.Number, pending.PayeeName, pending.PayeeIban, pending.Amount, pending.Currency, time.GetUtcNow());
            _executed[pending.Id] = transfer;
            return transfer;
        }
    }
}

namespace BankingApp.Banking;

/// <summary>The ledger of one instance, in memory (no <c>ConnectionStrings:Redis</c>).</summary>
public sealed class InMemoryLedger(TimeProvider time) : ILedger
{
    private readonly Dictionary<string, BankAccount[]> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, PendingTransfer> _pending = [];
    private readonly Dictionary<Guid, Transfer> _executed = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task<IReadOnlyList<BankAccount>> AccountsOfAsync(string userId)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<BankAccount>>([.. Accounts(userId)]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Transfer>> TransfersOfAsync(string userId)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Transfer>>([.. _executed.Values.Where(t => _pending[t.Id].UserId == userId).OrderByDescending(t => t.At)]);
        }
    }

    /// <inheritdoc />
    public Task<PendingTransfer> SaveAsync(string userId, Guid? id, string payeeName, string payeeIban, decimal amount)
    {
        lock (_lock)
        {
            if (id is { } existing && _pending.TryGetValue(existing, out var current) && current.UserId == userId && !_executed.ContainsKey(existing))
            {
                return Task.FromResult(_pending[existing] = current.Change(payeeName, payeeIban, amount));
            }

            var created = PendingTransfer.Create(userId, payeeName, payeeIban, amount);
            _pending[created.Id] = created;
            return Task.FromResult(created);
        }
    }

    /// <inheritdoc />
    public Task<PendingTransfer?> FindAsync(string userId, Guid id)
    {
        lock (_lock)
        {
            return Task.FromResult(_pending.TryGetValue(id, out var pending) && pending.UserId == userId ? pending : null);
        }
    }

    /// <inheritdoc />
    public Task<Transfer?> ExecutedAsync(string userId, Guid id)
    {
        lock (_lock)
        {
            return Task.FromResult(_executed.TryGetValue(id, out var done) && _pending[id].UserId == userId ? done : null);
        }
    }

    /// <inheritdoc />
    public Task<Transfer> ExecuteAsync(PendingTransfer pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        lock (_lock)
        {
            if (_executed.TryGetValue(pending.Id, out var done))
            {
                return Task.FromResult(done);
            }

            var accounts = Accounts(pending.UserId);
            var source = accounts[0];
            if (pending.Amount <= 0 || pending.Amount > source.Balance)
            {
                throw new InvalidOperationException(PendingTransfer.NotCovered);
            }

            accounts[0] = source with { Balance = source.Balance - pending.Amount };
            var transfer = pending.Executed(source.Number, time.GetUtcNow());
            _executed[pending.Id] = transfer;
            return Task.FromResult(transfer);
        }
    }

    private BankAccount[] Accounts(string userId) =>
        _accounts.TryGetValue(userId, out var accounts) ? accounts : _accounts[userId] = [.. BankAccount.Opening];
}

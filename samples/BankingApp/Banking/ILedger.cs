namespace BankingApp.Banking;

/// <summary>
/// The demo bank: accounts, pending transfers, executed transfers. Executing is idempotent per transfer: however often it is
/// asked, and on however many instances, a transfer moves money once.
/// </summary>
public interface ILedger
{
    /// <summary>The accounts of <paramref name="userId"/> (opened on first sight).</summary>
    Task<IReadOnlyList<BankAccount>> AccountsOfAsync(string userId);

    /// <summary>The executed transfers of <paramref name="userId"/>, newest first.</summary>
    Task<IReadOnlyList<Transfer>> TransfersOfAsync(string userId);

    /// <summary>
    /// Creates a pending transfer, or changes the pending transfer <paramref name="id"/> if it is not executed yet (a new
    /// version: a new code is needed).
    /// </summary>
    Task<PendingTransfer> SaveAsync(string userId, Guid? id, string payeeName, string payeeIban, decimal amount);

    /// <summary>The user's pending transfer <paramref name="id"/>, or <see langword="null"/>.</summary>
    Task<PendingTransfer?> FindAsync(string userId, Guid id);

    /// <summary>The user's executed transfer <paramref name="id"/>, or <see langword="null"/>.</summary>
    Task<Transfer?> ExecutedAsync(string userId, Guid id);

    /// <summary>
    /// Moves the money once: a second call for the same transfer returns the first result and moves nothing. Throws
    /// <see cref="InvalidOperationException"/> when the current account does not cover the amount.
    /// </summary>
    Task<Transfer> ExecuteAsync(PendingTransfer pending);
}

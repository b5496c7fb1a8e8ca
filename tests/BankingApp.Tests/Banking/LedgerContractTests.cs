using System.Globalization;
using BankingApp.Banking;
using Microsoft.Extensions.Time.Testing;

namespace BankingApp.Tests.Banking;

/// <summary>What every ledger must do, whatever keeps its state: run against the in-memory and the Redis ledger.</summary>
public abstract class LedgerContractTests
{
    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>A ledger; ledgers made by one test share their state (two instances of one bank).</summary>
    protected abstract ILedger NewLedger();

    private static string NewUser() => "user-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task AccountsOpenWithTheDemoBalances()
    {
        var accounts = await NewLedger().AccountsOfAsync(NewUser());

        Assert.Equal(BankAccount.Opening, accounts);
        Assert.Equal("12000.00", accounts[1].Balance.ToString(CultureInfo.InvariantCulture)); // cents, as the JSON API shows them
    }

    [Fact]
    public async Task ExecutingATransferTwiceMovesTheMoneyOnce()
    {
        var ledger = NewLedger();
        var user = NewUser();
        var pending = await ledger.SaveAsync(user, null, "Landlord", "NL91ABNA0417164300", 500.00m);

        var first = await ledger.ExecuteAsync(pending);
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = await ledger.ExecuteAsync(pending);

        Assert.Equal(first, second);
        Assert.Equal(1_950.75m, (await ledger.AccountsOfAsync(user))[0].Balance);
        Assert.Equal([first], await ledger.TransfersOfAsync(user));
    }

    [Fact]
    public async Task ConcurrentExecutionsOnSeveralInstancesMoveTheMoneyOnce()
    {
        var ledgers = Enumerable.Range(0, 4).Select(_ => NewLedger()).ToList();
        var user = NewUser();
        var pending = await ledgers[0].SaveAsync(user, null, "Landlord", "NL91ABNA0417164300", 100.00m);

        var results = await Task.WhenAll(ledgers.SelectMany(l => Enumerable.Range(0, 5).Select(_ => Task.Run(() => l.ExecuteAsync(pending)))));

        Assert.Single(results.Distinct());
        Assert.Equal(2_350.75m, (await ledgers[3].AccountsOfAsync(user))[0].Balance);
    }

    [Fact]
    public async Task AChangeIsANewVersionAndAnExecutedTransferIsNeverChanged()
    {
        var ledger = NewLedger();
        var user = NewUser();
        var pending = await ledger.SaveAsync(user, null, "Landlord", "NL91ABNA0417164300", 10.00m);

        var changed = await ledger.SaveAsync(user, pending.Id, "Landlord", "NL91ABNA0417164300", 2_000.00m);
        await ledger.ExecuteAsync(changed);
        var afterExecution = await ledger.SaveAsync(user, pending.Id, "Landlord", "NL91ABNA0417164300", 1.00m);

        Assert.Equal((pending.Id, 2, 2_000.00m), (changed.Id, changed.Version, changed.Amount));
        Assert.NotEqual(pending.ToTransaction().Digest, changed.ToTransaction().Digest);
        Assert.NotEqual(pending.Id, afterExecution.Id);
        Assert.Equal(2_000.00m, (await ledger.ExecutedAsync(user, pending.Id))!.Amount);
    }

    [Fact]
    public async Task AnAmountAboveTheBalanceIsRefusedAndMovesNothing()
    {
        var ledger = NewLedger();
        var user = NewUser();
        var pending = await ledger.SaveAsync(user, null, "Landlord", "NL91ABNA0417164300", 2_450.76m);

        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.ExecuteAsync(pending));

        Assert.Equal(2_450.75m, (await ledger.AccountsOfAsync(user))[0].Balance);
        Assert.Null(await ledger.ExecutedAsync(user, pending.Id));
    }

    [Fact]
    public async Task AnotherUserCannotSeeOrChangeATransfer()
    {
        var ledger = NewLedger();
        var owner = NewUser();
        var pending = await ledger.SaveAsync(owner, null, "Landlord", "NL91ABNA0417164300", 10.00m);

        var stranger = NewUser();
        var strangersEdit = await ledger.SaveAsync(stranger, pending.Id, "Mallory", "GB82WEST12345698765432", 2_000.00m);

        Assert.Null(await ledger.FindAsync(stranger, pending.Id));
        Assert.NotEqual(pending.Id, strangersEdit.Id);
        Assert.Equal(pending, await ledger.FindAsync(owner, pending.Id));
    }
}

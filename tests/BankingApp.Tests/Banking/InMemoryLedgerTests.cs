using BankingApp.Banking;

namespace BankingApp.Tests.Banking;

public sealed class InMemoryLedgerTests : LedgerContractTests
{
    private InMemoryLedger? _ledger;

    // One instance only: the in-memory ledger is shared by nothing but itself.
    protected override ILedger NewLedger() => _ledger ??= new InMemoryLedger(Time);
}

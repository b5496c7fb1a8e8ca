namespace BankingApp.Banking;

/// <summary>A transfer that was executed.</summary>
public sealed record Transfer(Guid Id, string From, string PayeeName, string PayeeIban, decimal Amount, string Currency, DateTimeOffset At);

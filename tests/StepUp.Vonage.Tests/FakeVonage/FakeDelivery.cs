namespace StepUp.Vonage.Tests.FakeVonage;

/// <summary>A code the fake Verify v2 "sent" to a phone.</summary>
public sealed record FakeDelivery(string RequestId, string To, string Channel, string Code);

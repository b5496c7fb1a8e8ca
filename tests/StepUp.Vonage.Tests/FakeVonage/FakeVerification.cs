namespace StepUp.Vonage.Tests.FakeVonage;

/// <summary>A verification the fake Verify v2 is running.</summary>
public sealed class FakeVerification
{
    public required string RequestId { get; init; }

    public required string To { get; init; }

    public required IReadOnlyList<string> Channels { get; init; }

    public required string Code { get; init; }

    public int Step { get; set; }

    public int WrongTries { get; set; }

    /// <summary><c>in_progress</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public string Status { get; set; } = "in_progress";

    public string CurrentChannel => Channels[Step];
}

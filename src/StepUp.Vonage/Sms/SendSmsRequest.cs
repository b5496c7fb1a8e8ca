namespace StepUp.Vonage.Sms;

/// <summary>A text message for <see cref="ISmsClient.SendAnSmsAsync"/> (the fields of <c>POST /sms/json</c>; credentials are added by the client).</summary>
internal sealed record SendSmsRequest
{
    /// <summary>Sender id or number.</summary>
    public required string From { get; init; }

    /// <summary>Destination, E.164 digits without <c>+</c>.</summary>
    public required string To { get; init; }

    /// <summary>The body.</summary>
    public required string Text { get; init; }

    /// <summary><c>text</c> or <c>unicode</c>.</summary>
    public SmsType Type { get; init; }

    /// <summary>Our reference (up to 40 characters), echoed in delivery receipts.</summary>
    public string? ClientRef { get; init; }

    /// <summary>How long delivery is attempted (at least 20 seconds), or <see langword="null"/> for Vonage's default.</summary>
    public TimeSpan? Ttl { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"SendSmsRequest {{ Type = {Type}, ClientRef = {ClientRef} }}";
}

namespace StepUp.Vonage.Sms;

/// <summary>
/// The SMS API (<c>POST {SmsBaseUrl}/sms/json</c>), shaped like Vonage's .NET SDK <c>ISmsClient</c> so the SDK can replace it.
/// </summary>
internal interface ISmsClient
{
    /// <summary>Sends a text message. Throws <see cref="Http.VonageApiException"/> on an HTTP error status.</summary>
    Task<SendSmsResponse> SendAnSmsAsync(SendSmsRequest request, CancellationToken cancellationToken = default);
}

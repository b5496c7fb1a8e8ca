namespace StepUp.Vonage.Voice;

/// <summary>
/// The Voice API (<c>POST {ApiBaseUrl}/v1/calls</c>, JWT), shaped like Vonage's .NET SDK <c>IVoiceClient</c> so the SDK can replace it.
/// </summary>
internal interface IVoiceClient
{
    /// <summary>Places a call. Throws <see cref="Http.VonageApiException"/> on an HTTP error status.</summary>
    Task<CreateCallResponse> CreateCallAsync(CreateCallRequest request, CancellationToken cancellationToken = default);
}

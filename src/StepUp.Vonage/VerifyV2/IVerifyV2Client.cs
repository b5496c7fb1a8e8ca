namespace StepUp.Vonage.VerifyV2;

/// <summary>
/// Vonage Verify v2 (<c>{ApiBaseUrl}/v2/verify</c>), shaped like Vonage's .NET SDK <c>IVerifyV2Client</c> so the SDK can
/// replace it. Every method throws <see cref="Http.VonageApiException"/> on an HTTP error status.
/// </summary>
internal interface IVerifyV2Client
{
    /// <summary><c>POST /v2/verify</c>: starts a verification (202).</summary>
    Task<StartVerificationResponse> StartVerificationAsync(StartVerificationRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/verify/{request_id}</c>: checks a code (200 right; 400 wrong; 404, 410 over).</summary>
    Task<VerifyCodeResponse> VerifyCodeAsync(string requestId, string code, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v2/verify/{request_id}</c>: cancels a verification (204).</summary>
    Task CancelAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/verify/{request_id}/next_workflow</c>: moves to the next channel now (200).</summary>
    Task NextWorkflowAsync(string requestId, CancellationToken cancellationToken = default);
}

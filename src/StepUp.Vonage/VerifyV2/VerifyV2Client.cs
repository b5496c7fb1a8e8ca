using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using StepUp.Vonage.Http;

namespace StepUp.Vonage.VerifyV2;

/// <summary>
/// <see cref="IVerifyV2Client"/> over the named <see cref="HttpClient"/> <see cref="VonageDefaults.VerifyClientName"/>; credentials are added by
/// <see cref="Authentication.VonageVerifyAuthenticationHandler"/>. URLs hold only the request id, never a number or code.
/// </summary>
internal sealed class VerifyV2Client(IHttpClientFactory factory) : IVerifyV2Client
{
    private const string Api = "Verify v2";

    /// <summary>The path of the verification collection.</summary>
    public const string Path = "v2/verify";

    public async Task<StartVerificationResponse> StartVerificationAsync(StartVerificationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await Http.PostAsJsonAsync(new Uri(Path, UriKind.Relative), request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<StartVerificationResponse>(cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("Verify v2 answered with an empty body.");
    }

    public async Task<VerifyCodeResponse> VerifyCodeAsync(string requestId, string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        using var response = await Http.PostAsJsonAsync(For(requestId), new CodeBody(code), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<VerifyCodeResponse>(cancellationToken).ConfigureAwait(false) ?? new VerifyCodeResponse();
    }

    public async Task CancelAsync(string requestId, CancellationToken cancellationToken = default)
    {
        using var response = await Http.DeleteAsync(For(requestId), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task NextWorkflowAsync(string requestId, CancellationToken cancellationToken = default)
    {
        using var content = JsonContent.Create(new { });
        using var response = await Http.PostAsync(For(requestId, "/next_workflow"), content, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private HttpClient Http => factory.CreateClient(VonageDefaults.VerifyClientName);

    private static Uri For(string requestId, string suffix = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return new Uri(Path + "/" + Uri.EscapeDataString(requestId) + suffix, UriKind.Relative);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new VonageApiException(Api, response.StatusCode, await VonageProblem.ReadAsync(response, cancellationToken).ConfigureAwait(false));
        }
    }

    private sealed record CodeBody([property: JsonPropertyName("code")] string Code)
    {
        public override string ToString() => "CodeBody { Code = (redacted) }";
    }
}

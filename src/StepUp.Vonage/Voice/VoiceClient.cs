using System.Net.Http.Json;
using System.Text.Json;
using StepUp.Vonage.Http;

namespace StepUp.Vonage.Voice;

/// <summary>
/// <see cref="IVoiceClient"/> over the named <see cref="HttpClient"/> <see cref="VonageDefaults.VoiceClientName"/>; the JWT is added by
/// <see cref="Authentication.VonageJwtHandler"/>.
/// </summary>
internal sealed class VoiceClient(IHttpClientFactory factory) : IVoiceClient
{
    /// <summary>The path of the calls collection.</summary>
    public const string Path = "v1/calls";

    public async Task<CreateCallResponse> CreateCallAsync(CreateCallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = factory.CreateClient(VonageDefaults.VoiceClientName);
        using var response = await http.PostAsJsonAsync(new Uri(Path, UriKind.Relative), request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new VonageApiException("Voice API", response.StatusCode, await VonageProblem.ReadAsync(response, cancellationToken).ConfigureAwait(false));
        }

        return await response.Content.ReadFromJsonAsync<CreateCallResponse>(cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The Voice API answered with an empty body.");
    }
}

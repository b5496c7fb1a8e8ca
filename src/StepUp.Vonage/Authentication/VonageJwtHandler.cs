using System.Net.Http.Headers;

namespace StepUp.Vonage.Authentication;

/// <summary>Adds <c>Authorization: Bearer &lt;JWT&gt;</c> to every attempt, so a retry carries a fresh token.</summary>
internal sealed class VonageJwtHandler(VonageJwtSigner signer) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signer.CreateToken());
        return base.SendAsync(request, cancellationToken);
    }
}

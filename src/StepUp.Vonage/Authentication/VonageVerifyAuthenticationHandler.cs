using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace StepUp.Vonage.Authentication;

/// <summary>
/// Authenticates Verify v2 requests as <see cref="VonageOptions.VerifyAuthentication"/> says: HTTP Basic with the API key and
/// secret, or a JWT. Credentials travel in the Authorization header only.
/// </summary>
internal sealed class VonageVerifyAuthenticationHandler(IOptions<VonageOptions> options, VonageJwtSigner signer) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var value = options.Value;
        request.Headers.Authorization = value.VerifyAuthentication == VonageVerifyAuthentication.Jwt
            ? new AuthenticationHeaderValue("Bearer", signer.CreateToken())
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(value.ApiKey + ":" + value.ApiSecret)));
        return base.SendAsync(request, cancellationToken);
    }
}

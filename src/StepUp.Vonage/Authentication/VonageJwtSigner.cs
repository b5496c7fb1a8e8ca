using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StepUp.Vonage.Authentication;

/// <summary>
/// Signs the JWTs Vonage's application APIs (Voice, Verify v2) accept: RS256 with the application's private key and the
/// claims <c>application_id</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c> and a fresh <c>jti</c>. Built on Microsoft.IdentityModel;
/// no hand-rolled cryptography.
/// </summary>
internal sealed class VonageJwtSigner : IDisposable
{
    private readonly Lazy<(RSA Rsa, SigningCredentials Credentials)> _key;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly IOptions<VonageOptions> _options;
    private readonly TimeProvider _time;

    public VonageJwtSigner(IOptions<VonageOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _key = new Lazy<(RSA, SigningCredentials)>(() =>
        {
            // Start-up validation already proved the key loads; this only fails if the app skipped validation.
            var rsa = VonagePrivateKey.TryLoad(_options.Value, out var error)
                ?? throw new InvalidOperationException(error);
            // No shared signature-provider cache: Microsoft.IdentityModel caches providers by key thumbprint process-wide, which
            // would hand this key's RSA object to another signer (and use it after this one disposed it).
            var key = new RsaSecurityKey(rsa) { CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } };
            return (rsa, new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        });
    }

    /// <summary>A new token, valid for <see cref="VonageOptions.JwtLifetime"/> from now.</summary>
    public string CreateToken()
    {
        var options = _options.Value;
        var now = _time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.JwtLifetime,
            SigningCredentials = _key.Value.Credentials,
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["application_id"] = options.ApplicationId ?? string.Empty,
                ["jti"] = Guid.NewGuid().ToString("D"),
            },
        };
        return _handler.CreateToken(descriptor);
    }

    public void Dispose()
    {
        if (_key.IsValueCreated)
        {
            _key.Value.Rsa.Dispose();
        }
    }
}

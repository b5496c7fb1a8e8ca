using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StepUp.Vonage.Authentication;
using StepUp.Vonage.Tests.FakeVonage;

namespace StepUp.Vonage.Tests.Authentication;

public sealed class VonageJwtSignerTests
{
    private static VonageJwtSigner Signer() => new(
        Options.Create(new VonageOptions
        {
            ApplicationId = FakeVonageCredentials.Instance.ApplicationId,
            PrivateKey = FakeVonageCredentials.Instance.PrivateKeyPem,
        }),
        new FakeTimeProvider(DateTimeOffset.UtcNow));

    [Fact]
    public async Task ASignerStillSignsAfterAnotherSignerWithTheSameKeyWasDisposed()
    {
        var first = Signer();
        first.CreateToken();
        first.Dispose();
        using var second = Signer();

        var token = second.CreateToken();

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            IssuerSigningKey = FakeVonageCredentials.Instance.PublicKey,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public void EveryTokenHasItsOwnId()
    {
        using var signer = Signer();

        Assert.NotEqual(new JsonWebToken(signer.CreateToken()).Id, new JsonWebToken(signer.CreateToken()).Id);
    }
}

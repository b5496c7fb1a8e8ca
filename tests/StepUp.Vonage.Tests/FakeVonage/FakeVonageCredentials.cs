using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace StepUp.Vonage.Tests.FakeVonage;

/// <summary>The account the fake Vonage knows: API key and secret, and an application with an RSA key pair.</summary>
public sealed class FakeVonageCredentials
{
    private static readonly Lazy<FakeVonageCredentials> Shared = new(() => new FakeVonageCredentials());

    private FakeVonageCredentials()
    {
        using var rsa = RSA.Create(2048);
        PrivateKeyPem = rsa.ExportPkcs8PrivateKeyPem();
        PublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem();
        var publicRsa = RSA.Create();
        publicRsa.ImportFromPem(PublicKeyPem);
        PublicKey = new RsaSecurityKey(publicRsa);
    }

    /// <summary>One key pair for the whole test run (generating RSA keys is slow).</summary>
    public static FakeVonageCredentials Instance => Shared.Value;

    public string ApiKey { get; } = "abcd1234";

    public string ApiSecret { get; } = "Sec7ret0Sec7ret0";

    public string ApplicationId { get; } = "aaaaaaaa-bbbb-cccc-dddd-0123456789ab";

    public string PrivateKeyPem { get; }

    public string PublicKeyPem { get; }

    /// <summary>What the fake verifies JWT signatures with.</summary>
    public RsaSecurityKey PublicKey { get; }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using StepUp.AspNetCore.Store;

namespace StepUp.AspNetCore.Verification;

/// <summary>
/// The HMAC key for codes, phone-number keys and client-address keys. Generated once, protected with ASP.NET Core Data
/// Protection and kept in the store, so every instance that shares the store and the Data Protection keys agrees on it.
/// The key itself never reaches the store or a log in the clear.
/// </summary>
internal sealed class StepUpKeyRing(IStepUpStore store, IDataProtectionProvider dataProtection) : IDisposable
{
    private const string SecretName = "hmac-key-v1";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("StepUp.AspNetCore.StepUpKeyRing", "v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async ValueTask<byte[]> GetKeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } key)
        {
            return key;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_key is null)
            {
                var candidate = _protector.Protect(RandomNumberGenerator.GetBytes(32));
                var stored = await store.GetOrAddSecretAsync(SecretName, candidate, cancellationToken).ConfigureAwait(false);
                try
                {
                    _key = _protector.Unprotect(stored);
                }
                catch (CryptographicException ex)
                {
                    throw new InvalidOperationException(
                        "The StepUp HMAC key in the store cannot be read with this app's Data Protection keys. Every instance that shares " +
                        "the StepUp store must share its Data Protection keys too (for Redis: AddRedisStore(...).PersistDataProtectionKeys()).",
                        ex);
                }
            }

            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<byte[]> HashCodeAsync(string challengeId, string code, CancellationToken cancellationToken) =>
        Hmac(await GetKeyAsync(cancellationToken).ConfigureAwait(false), "code", challengeId, code);

    /// <summary>An opaque key for a value that must not appear in store keys (a phone number, a client address).</summary>
    public async ValueTask<string> KeyForAsync(string purpose, string value, CancellationToken cancellationToken) =>
        CodeGenerator.Base64Url(Hmac(await GetKeyAsync(cancellationToken).ConfigureAwait(false), purpose, value).AsSpan(0, 18));

    public void Dispose() => _gate.Dispose();

    private static byte[] Hmac(byte[] key, params string[] parts) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Join('\n', parts)));
}

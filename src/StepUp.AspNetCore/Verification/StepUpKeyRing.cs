using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using StepUp.AspNetCore.Store;

namespace StepUp.AspNetCore.Verification;

/// <summary>
/// The HMAC key for codes, phone-number keys and client-address keys. Generated once, protected with ASP.NET Core Data
/// Protection and kept in the store, so every instance that shares the store and the Data Protection keys agrees on it.
/// The key itself never reaches the store or a log in the clear. Once a minute an instance puts its key back if the store
/// lost it (a Redis restarted empty), so instances started afterwards agree with the running ones.
/// </summary>
internal sealed class StepUpKeyRing(IStepUpStore store, IDataProtectionProvider dataProtection, TimeProvider time) : IDisposable
{
    private const string SecretName = "hmac-key-v1";
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(1);
    private readonly IDataProtector _protector = dataProtection.CreateProtector("StepUp.AspNetCore.StepUpKeyRing", "v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Entry? _entry;

    public async ValueTask<byte[]> GetKeyAsync(CancellationToken cancellationToken)
    {
        if (_entry is { } entry && time.GetUtcNow() - entry.CheckedAt < RecheckInterval)
        {
            return entry.Key;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _entry;
            if (current is null || time.GetUtcNow() - current.CheckedAt >= RecheckInterval)
            {
                // Offer the key we have (or a new one); the store keeps the first it got.
                var offered = current?.Protected ?? _protector.Protect(RandomNumberGenerator.GetBytes(32));
                var stored = await store.GetOrAddSecretAsync(SecretName, offered, cancellationToken).ConfigureAwait(false);
                try
                {
                    var key = current is not null && stored.AsSpan().SequenceEqual(current.Protected) ? current.Key : _protector.Unprotect(stored);
                    _entry = new Entry(key, stored, time.GetUtcNow());
                }
                catch (CryptographicException ex)
                {
                    throw new InvalidOperationException(
                        "The StepUp HMAC key in the store cannot be read with this app's Data Protection keys. Every instance that shares " +
                        "the StepUp store must share its Data Protection keys too (for Redis: AddRedisStore(...).PersistDataProtectionKeys()).",
                        ex);
                }
            }

            return _entry!.Key;
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

    private sealed record Entry(byte[] Key, byte[] Protected, DateTimeOffset CheckedAt);

    private static byte[] Hmac(byte[] key, params string[] parts) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Join('\n', parts)));
}

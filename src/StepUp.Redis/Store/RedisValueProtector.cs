using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.DataProtection;

namespace StepUp.Redis.Store;

/// <summary>
/// Serializes values that hold a phone number and protects them with ASP.NET Core Data Protection, one purpose per kind of
/// value (a challenge cannot be read back as a phone).
/// </summary>
internal sealed class RedisValueProtector(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _phones = dataProtection.CreateProtector("StepUp.Redis", "VerifiedPhone", "v1");
    private readonly IDataProtector _challenges = dataProtection.CreateProtector("StepUp.Redis", "PendingChallenge", "v1");

    public byte[] Protect(StoredVerifiedPhone value) => _phones.Protect(JsonSerializer.SerializeToUtf8Bytes(value, RedisStoreJsonContext.Default.StoredVerifiedPhone));

    public byte[] Protect(StoredChallenge value) => _challenges.Protect(JsonSerializer.SerializeToUtf8Bytes(value, RedisStoreJsonContext.Default.StoredChallenge));

    /// <summary>The phone, or <see langword="null"/> when the value cannot be unprotected or read.</summary>
    public StoredVerifiedPhone? UnprotectPhone(byte[] value) => Unprotect(_phones, value, RedisStoreJsonContext.Default.StoredVerifiedPhone);

    /// <summary>The challenge, or <see langword="null"/> when the value cannot be unprotected or read.</summary>
    public StoredChallenge? UnprotectChallenge(byte[] value) => Unprotect(_challenges, value, RedisStoreJsonContext.Default.StoredChallenge);

    private static T? Unprotect<T>(IDataProtector protector, byte[] value, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(protector.Unprotect(value), type);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

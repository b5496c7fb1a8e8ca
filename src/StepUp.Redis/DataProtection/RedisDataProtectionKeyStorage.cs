using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StepUp.Redis.Connection;

namespace StepUp.Redis.DataProtection;

/// <summary>
/// Keeps ASP.NET Core Data Protection keys in the store's Redis (<see cref="RedisStepUpStoreOptions.DataProtectionKeysKey"/>)
/// when <see cref="RedisStepUpStoreOptions.PersistDataProtectionKeys"/> is on and a Redis connection is configured, so
/// every instance reads the same cookies, antiforgery tokens and StepUp HMAC key.
/// </summary>
internal sealed class RedisDataProtectionKeyStorage(RedisConnection connection, IOptions<RedisStepUpStoreOptions> options)
    : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions keyManagement)
    {
        var current = options.Value;
        if (current.PersistDataProtectionKeys && connection.IsConfigured)
        {
            keyManagement.XmlRepository = new RedisXmlRepository(connection.GetDatabase, current.EffectiveDataProtectionKeysKey);
        }
    }
}

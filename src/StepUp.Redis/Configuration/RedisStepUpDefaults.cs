namespace StepUp.Redis;

/// <summary>Names and defaults of the Redis store.</summary>
public static class RedisStepUpDefaults
{
    /// <summary>The configuration section of <see cref="RedisStepUpStoreOptions"/>: <c>StepUp:Redis</c>.</summary>
    public const string ConfigurationSection = "StepUp:Redis";

    /// <summary>The connection string read when <see cref="RedisStepUpStoreOptions.Configuration"/> is not set: <c>ConnectionStrings:Redis</c>.</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>The default <see cref="RedisStepUpStoreOptions.KeyPrefix"/>: <c>stepup:</c>.</summary>
    public const string KeyPrefix = "stepup:";

    /// <summary>The Data Protection key list, after the key prefix: <c>DataProtection-Keys</c>.</summary>
    public const string DataProtectionKeysName = "DataProtection-Keys";
}

using StackExchange.Redis;

namespace StepUp.Redis;

/// <summary>
/// Settings of the Redis store, bound from <c>StepUp:Redis</c> and validated at start-up. The connection is, in this order:
/// <see cref="Configuration"/> when set; otherwise an <see cref="IConnectionMultiplexer"/> registered in the app's services;
/// otherwise the connection string <c>ConnectionStrings:Redis</c>.
/// </summary>
public sealed class RedisStepUpStoreOptions
{
    /// <summary>
    /// A StackExchange.Redis configuration string (<c>host:6379,password=…,ssl=true</c>). Default: none (see the class remarks).
    /// StepUp always sets <c>abortConnect=false</c> and its own timeouts on top of it.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// Prepended to every key, so several apps can share one Redis. Letters, digits and <c>:._-</c> only (no <c>{ }</c>).
    /// Default: <c>stepup:</c>.
    /// </summary>
    public string KeyPrefix { get; set; } = RedisStepUpDefaults.KeyPrefix;

    /// <summary>
    /// The longest a store operation may take, connecting included, before the request fails closed (503 on protected
    /// endpoints). Default: 2 seconds.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one connection attempt may take (StepUp's own connection only). Default: 5 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a verified phone stays attached without being used; every use (a code sent to it, the step-up page) starts
    /// it anew. When it lapses the user is asked to attach a phone again. Default: 400 days.
    /// </summary>
    public TimeSpan VerifiedPhoneLifetime { get; set; } = TimeSpan.FromDays(400);

    /// <summary>
    /// How long an instance may answer a protected request from its own copy of a session's grant instead of asking Redis.
    /// Revoking or replacing a grant is published to every instance at once (Redis pub/sub) and drops their copies; while an
    /// instance's subscription is down it asks Redis every time. So a revocation reaches every instance within pub/sub
    /// delivery time, and this long at most if a message were lost. <see cref="TimeSpan.Zero"/> turns the copies off.
    /// Default: 5 seconds.
    /// </summary>
    public TimeSpan GrantCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Keep ASP.NET Core Data Protection keys in the same Redis, so cookies, antiforgery tokens and StepUp's HMAC key are
    /// readable on every instance. Also set by <c>PersistDataProtectionKeys()</c>. Default: <see langword="false"/>.
    /// </summary>
    public bool PersistDataProtectionKeys { get; set; }

    /// <summary>The Redis key of the Data Protection key list. Default: <see cref="KeyPrefix"/> + <c>DataProtection-Keys</c>.</summary>
    public string? DataProtectionKeysKey { get; set; }

    /// <summary>
    /// Adjusts StepUp's own connection (not one taken from the app's services) after StepUp's settings are applied, e.g.
    /// TLS certificates or a reconnect policy. Default: none.
    /// </summary>
    public Action<ConfigurationOptions>? ConfigureConnection { get; set; }

    internal string EffectiveDataProtectionKeysKey => DataProtectionKeysKey ?? KeyPrefix + RedisStepUpDefaults.DataProtectionKeysName;
}

using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Store;
using StepUp.Redis;
using StepUp.Redis.Connection;
using StepUp.Redis.DataProtection;
using StepUp.Redis.Diagnostics;
using StepUp.Redis.Store;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Redis store to StepUp. Calling these more than once is harmless: services are added once, options accumulate.</summary>
public static class RedisStepUpBuilderExtensions
{
    /// <summary>
    /// Keeps StepUp's state in Redis, shared by every app instance, instead of the in-memory store. The connection is
    /// <c>StepUp:Redis:Configuration</c>, else an <c>IConnectionMultiplexer</c> registered by the app, else
    /// <c>ConnectionStrings:Redis</c>. With none of them StepUp keeps the in-memory store in Development and refuses to
    /// start elsewhere.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddStepUp</c>.</param>
    /// <param name="configure">Adjusts the options after <c>StepUp:Redis</c> is bound.</param>
    public static StepUpBuilder AddRedisStore(this StepUpBuilder builder, Action<RedisStepUpStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RedisStepUpStoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RedisStepUpStoreOptions>, RedisStepUpStoreOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<RedisStepUpStoreOptions>, RedisStepUpStoreOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisStepUpStoreOptions>, RedisStepUpStoreOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<RedisValueProtector>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KeyManagementOptions>, RedisDataProtectionKeyStorage>());

        services.RemoveAll<IStepUpStore>();
        services.AddSingleton<IStepUpStore>(CreateStore);
        return builder;
    }

    /// <summary>
    /// Keeps ASP.NET Core Data Protection keys in the store's Redis, so a request can land on any instance: cookies,
    /// antiforgery tokens and StepUp's HMAC key are readable everywhere. Adds the Redis store if it is not added yet. Give
    /// every instance the same application name too (<c>services.AddDataProtection().SetApplicationName(…)</c>) when their
    /// content root paths differ.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddStepUp</c>.</param>
    public static StepUpBuilder PersistDataProtectionKeys(this StepUpBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Services.Any(d => d.ServiceType == typeof(RedisConnection)))
        {
            builder.AddRedisStore();
        }

        builder.Services.Configure<RedisStepUpStoreOptions>(o => o.PersistDataProtectionKeys = true);
        return builder;
    }

    private static IStepUpStore CreateStore(IServiceProvider services)
    {
        if (services.GetRequiredService<RedisConnection>().IsConfigured)
        {
            return ActivatorUtilities.CreateInstance<RedisStepUpStore>(services);
        }

        services.GetRequiredService<ILoggerFactory>().CreateLogger<RedisStepUpStore>().NotConfigured();
        return ActivatorUtilities.CreateInstance<InMemoryStepUpStore>(services);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace StepUp.Redis;

/// <summary>
/// Binds <see cref="RedisStepUpStoreOptions"/> from <c>StepUp:Redis</c> and, when neither <c>Configuration</c> nor an
/// <see cref="IConnectionMultiplexer"/> in the app's services names a connection, takes <c>ConnectionStrings:Redis</c>.
/// </summary>
internal sealed class RedisStepUpStoreOptionsSetup(IServiceProvider services)
    : IConfigureOptions<RedisStepUpStoreOptions>, IPostConfigureOptions<RedisStepUpStoreOptions>
{
    public void Configure(RedisStepUpStoreOptions options)
    {
        if (services.GetService<IConfiguration>() is { } configuration)
        {
            configuration.GetSection(RedisStepUpDefaults.ConfigurationSection).Bind(options);
        }
    }

    public void PostConfigure(string? name, RedisStepUpStoreOptions options)
    {
        if (options.Configuration is not null || UsesAppMultiplexer(services))
        {
            return;
        }

        if (services.GetService<IConfiguration>()?.GetConnectionString(RedisStepUpDefaults.ConnectionStringName) is { Length: > 0 } connectionString)
        {
            options.Configuration = connectionString;
        }
    }

    /// <summary>Whether the app registered its own multiplexer for StepUp to share.</summary>
    internal static bool UsesAppMultiplexer(IServiceProvider services) =>
        services.GetService<IServiceProviderIsService>()?.IsService(typeof(IConnectionMultiplexer)) == true;
}

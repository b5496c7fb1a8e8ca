using StackExchange.Redis;

namespace BankingApp.Banking;

/// <summary>Registers the ledger: in Redis when <c>ConnectionStrings:Redis</c> is set, in memory otherwise.</summary>
public static class LedgerServiceCollectionExtensions
{
    /// <summary>The key of the ledger's own Redis connection.</summary>
    public const string RedisConnectionKey = "BankingApp.Ledger";

    /// <summary>Adds <see cref="ILedger"/>.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Redis") is not { Length: > 0 } connectionString)
        {
            return services.AddSingleton<ILedger, InMemoryLedger>();
        }

        // The ledger's own connection; abortConnect=false keeps it reconnecting by itself while Redis is away.
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ClientName = RedisConnectionKey;
        services.AddKeyedSingleton<IConnectionMultiplexer>(RedisConnectionKey, (_, _) => ConnectionMultiplexer.Connect(options));
        return services.AddSingleton<ILedger, RedisLedger>();
    }
}

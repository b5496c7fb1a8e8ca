using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using StepUp.AspNetCore;

namespace StepUp.Benchmarks.Hosting;

/// <summary>
/// Which <c>IStepUpStore</c> the benchmark apps use: the Redis store when a server is given, otherwise the in-memory store.
/// With Redis the app registers its own <see cref="IConnectionMultiplexer"/> (which <c>AddRedisStore()</c> shares, as in an app
/// that already uses Redis), so that the benchmark can count the store's round trips on the client side.
/// </summary>
public static class StepUpStoreSelection
{
    /// <summary>A name for the report.</summary>
    public static string Describe(string? redis) => redis is null ? "in-memory store (no Redis given)" : $"Redis store (StepUp.Redis, `AddRedisStore()`) at {redis}";

    /// <summary>Adds the store to the StepUp builder.</summary>
    public static StepUpBuilder UseStore(this StepUpBuilder builder, string? redis)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (redis is null)
        {
            return builder.AddInMemoryStore();
        }

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        return builder.AddRedisStore();
    }

    /// <summary>Operations the app's multiplexer has sent so far (its round trips), or 0 without Redis.</summary>
    public static long RoundTrips(IServiceProvider services) =>
        services.GetService<IConnectionMultiplexer>()?.OperationCount ?? 0;
}

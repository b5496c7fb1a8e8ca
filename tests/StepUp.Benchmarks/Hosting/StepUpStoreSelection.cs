using Microsoft.Extensions.DependencyInjection;
using StepUp.AspNetCore;

namespace StepUp.Benchmarks.Hosting;

/// <summary>Which <c>IStepUpStore</c> the benchmark apps use: Redis when a server is given, otherwise the in-memory store.</summary>
public static class StepUpStoreSelection
{
    /// <summary>A name for the report.</summary>
    public static string Describe(string? redis) => redis is null ? "in-memory store (no Redis given)" : $"Redis store at {redis}";

    /// <summary>Adds the store to the StepUp builder.</summary>
    public static StepUpBuilder UseStore(this StepUpBuilder builder, string? redis)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (redis is not null)
        {
            throw new NotSupportedException("StepUp.Redis is not merged into this branch yet.");
        }

        return builder.AddInMemoryStore();
    }
}

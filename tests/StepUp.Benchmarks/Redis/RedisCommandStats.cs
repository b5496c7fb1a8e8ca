using System.Globalization;
using StackExchange.Redis;

namespace StepUp.Benchmarks.Redis;

/// <summary>
/// Calls per command from <c>INFO commandstats</c>; the difference of two snapshots is what the server executed between
/// them (every client included: StackExchange.Redis heartbeats show up too, which is honest noise).
/// </summary>
public sealed class RedisCommandStats
{
    private readonly Dictionary<string, long> _calls;

    private RedisCommandStats(Dictionary<string, long> calls) => _calls = calls;

    /// <summary>Calls per command name (lower case, e.g. <c>evalsha</c>).</summary>
    public IReadOnlyDictionary<string, long> Calls => _calls;

    /// <summary>Reads the server's command statistics.</summary>
    public static async Task<RedisCommandStats> ReadAsync(IServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var text = await server.InfoRawAsync("commandstats").ConfigureAwait(false) ?? string.Empty;
        return Parse(text);
    }

    /// <summary>Parses <c>cmdstat_get:calls=12,usec=...</c> lines.</summary>
    public static RedisCommandStats Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith("cmdstat_", StringComparison.Ordinal))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[8..colon];
            foreach (var field in line[(colon + 1)..].Split(','))
            {
                if (field.StartsWith("calls=", StringComparison.Ordinal))
                {
                    calls[name] = long.Parse(field.AsSpan(6), NumberStyles.Integer, CultureInfo.InvariantCulture);
                }
            }
        }

        return new RedisCommandStats(calls);
    }

    /// <summary>What was executed since <paramref name="earlier"/>, leaving out the <c>INFO</c> calls of the measurement itself.</summary>
    public IReadOnlyDictionary<string, long> Since(RedisCommandStats earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var delta = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, calls) in _calls)
        {
            var diff = calls - earlier._calls.GetValueOrDefault(name);
            if (diff > 0 && name != "info")
            {
                delta[name] = diff;
            }
        }

        return delta;
    }

    /// <summary>"evalsha 1.00, ping 0.00" style text: calls per <paramref name="operations"/>.</summary>
    public static string Describe(IReadOnlyDictionary<string, long> delta, long operations)
    {
        ArgumentNullException.ThrowIfNull(delta);
        return delta.Count == 0
            ? "none"
            : string.Join(", ", delta.OrderByDescending(kv => kv.Value).Select(kv =>
                $"{kv.Key} {(kv.Value / (double)Math.Max(1, operations)).ToString("0.000", CultureInfo.InvariantCulture)}"));
    }
}

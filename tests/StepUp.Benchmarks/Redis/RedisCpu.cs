using System.Globalization;
using StackExchange.Redis;

namespace StepUp.Benchmarks.Redis;

/// <summary>CPU time the Redis server has used (<c>INFO cpu</c>: <c>used_cpu_user</c> + <c>used_cpu_sys</c>).</summary>
public static class RedisCpu
{
    /// <summary>Reads the server's CPU time so far.</summary>
    public static async Task<TimeSpan> ReadAsync(IServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var text = await server.InfoRawAsync("cpu").ConfigureAwait(false) ?? string.Empty;
        double seconds = 0;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("used_cpu_user:", StringComparison.Ordinal) || line.StartsWith("used_cpu_sys:", StringComparison.Ordinal))
            {
                seconds += double.Parse(line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1), NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return TimeSpan.FromSeconds(seconds);
    }
}

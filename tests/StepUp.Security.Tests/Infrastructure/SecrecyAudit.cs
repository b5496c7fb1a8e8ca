using System.Text;
using StackExchange.Redis;
using StepUp.Testing.Hosting;

namespace StepUp.Security.Tests.Infrastructure;

/// <summary>One place a secret was found.</summary>
/// <param name="Secret">What was found (its label, never the value).</param>
/// <param name="Where">Where, e.g. "response body of GET /stepup".</param>
public sealed record Leak(string Secret, string Where);

/// <summary>
/// Looks for every secret of the <see cref="SecretLedger"/> in responses (headers and bodies), log lines (with their
/// exceptions), Redis commands and Redis keys and values. The one allowed sighting of a phone number is the echo of what
/// the user typed into the same request (a form shown again with its error).
/// </summary>
public static class SecrecyAudit
{
    /// <summary>Leaks in the exchanges.</summary>
    public static IEnumerable<Leak> InExchanges(IEnumerable<Exchange> exchanges, SecretLedger secrets)
    {
        foreach (var exchange in exchanges)
        {
            var where = $"{exchange.Method} {exchange.Url.AbsolutePath} ({exchange.Status})";
            foreach (var secret in secrets.FindIn(exchange.Body))
            {
                // The one allowed sighting: what the user typed into this very request, shown again (a form with its error).
                var sent = exchange.Url.Query + "\n" + exchange.RequestBody;
                var echo = secret.Kind == SecretKind.PhoneNumber && secrets.FindIn(sent + "\n" + Uri.UnescapeDataString(sent.Replace('+', ' '))).Contains(secret);
                if (!echo)
                {
                    yield return new Leak(secret.Label, "response body of " + where);
                }
            }

            foreach (var secret in secrets.FindIn(exchange.Headers))
            {
                yield return new Leak(secret.Label, "response headers of " + where);
            }
        }
    }

    /// <summary>Leaks in log lines (messages, properties and exceptions).</summary>
    public static IEnumerable<Leak> InLogs(IEnumerable<CapturedLogs> logs, SecretLedger secrets)
    {
        foreach (var line in logs.SelectMany(l => l.Lines))
        {
            foreach (var secret in secrets.FindIn(line))
            {
                yield return new Leak(secret.Label, "log line: " + Category(line));
            }
        }
    }

    /// <summary>Leaks in Redis commands (keys and arguments, binary-aware).</summary>
    public static IEnumerable<Leak> InCommands(IEnumerable<MonitoredCommand> commands, SecretLedger secrets)
    {
        foreach (var command in commands)
        {
            foreach (var argument in command.Arguments)
            {
                foreach (var secret in secrets.FindIn(argument))
                {
                    yield return new Leak(secret.Label, "Redis command " + Encoding.Latin1.GetString(command.Arguments[0]));
                }
            }
        }
    }

    /// <summary>Leaks in the names and values of the keys under <paramref name="prefix"/>.</summary>
    public static async Task<List<Leak>> InKeysAsync(string redis, string prefix, SecretLedger secrets)
    {
        var leaks = new List<Leak>();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis + ",allowAdmin=true");
        var server = connection.GetServer(redis);
        var db = connection.GetDatabase();
        await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
        {
            var values = new List<byte[]> { Encoding.UTF8.GetBytes(key.ToString()) };
            switch (await db.KeyTypeAsync(key))
            {
                case RedisType.String:
                    values.Add((byte[]?)await db.StringGetAsync(key) ?? []);
                    break;
                case RedisType.Hash:
                    foreach (var entry in await db.HashGetAllAsync(key))
                    {
                        values.Add((byte[]?)entry.Name ?? []);
                        values.Add((byte[]?)entry.Value ?? []);
                    }

                    break;
                case RedisType.List:
                    values.AddRange((await db.ListRangeAsync(key)).Select(v => (byte[]?)v ?? []));
                    break;
            }

            foreach (var value in values)
            {
                foreach (var secret in secrets.FindIn(value))
                {
                    leaks.Add(new Leak(secret.Label, $"Redis key {(value == values[0] ? "name" : "value")}"));
                }
            }
        }

        return leaks;
    }

    /// <summary>Fails with every leak listed (labels and places only: the failure message itself never holds a secret).</summary>
    public static void AssertNone(IReadOnlyCollection<Leak> leaks)
    {
        ArgumentNullException.ThrowIfNull(leaks);
        Assert.True(
            leaks.Count == 0,
            "Secrets leaked:\n" + string.Join('\n', leaks.Distinct().Take(50).Select(l => $"- {l.Secret} in {l.Where}")));
    }

    private static string Category(string line)
    {
        var end = line.IndexOf(']', StringComparison.Ordinal);
        return end > 0 ? line[..(end + 1)] : "?";
    }
}

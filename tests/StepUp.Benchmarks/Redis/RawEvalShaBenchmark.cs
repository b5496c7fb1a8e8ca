using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace StepUp.Benchmarks.Redis;

/// <summary>
/// The limit of one round trip: <c>redis-benchmark</c> running an <c>EVALSHA</c> of a code-check script comparable to the
/// store's (read the challenge hash, compare the HMAC, count a failed try against the challenge and the user, set a TTL)
/// on the same Redis, at a given number of concurrent clients. The keys are seeded so the script does its full work.
/// </summary>
public sealed class RawEvalShaBenchmark(string host, int port)
{
    /// <summary>The script: a wrong-code check, so the keys survive and every call does the same work.</summary>
    public const string Script = """
        local stored = redis.call('HGET', KEYS[1], 'hash')
        if not stored then return {3, 0} end
        local attempts = tonumber(redis.call('HGET', KEYS[1], 'attempts') or '0')
        if stored == ARGV[1] then
          redis.call('DEL', KEYS[1], KEYS[2])
          return {1, 5 - attempts}
        end
        redis.call('HINCRBY', KEYS[1], 'attempts', 1)
        redis.call('INCR', KEYS[2])
        redis.call('PEXPIRE', KEYS[2], 3600000)
        return {2, 5 - attempts - 1}
        """;

    private const int KeySpace = 10000;
    private string? _sha;
    private readonly Dictionary<int, double> _calibrated = [];

    /// <summary>The redis-benchmark command line for the report.</summary>
    public string CommandLine(int clients) =>
        $"redis-benchmark -h {host} -p {port} -c {clients} -n <≈{TargetSeconds}s of requests> -r {KeySpace} --csv EVALSHA <sha1 of the check script> 2 bench:{{__rand_int__}}:challenge bench:{{__rand_int__}}:failures wrong-hmac";

    /// <summary>Seconds each run should last.</summary>
    public double TargetSeconds { get; init; } = 2;

    /// <summary>Loads the script and seeds <see cref="KeySpace"/> challenge hashes.</summary>
    public async Task PrepareAsync(IConnectionMultiplexer redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        var server = redis.GetServers()[0];
        _sha = Convert.ToHexStringLower(await server.ScriptLoadAsync(Script).ConfigureAwait(false));
        await redis.GetDatabase().ScriptEvaluateAsync(
            $"for i = 0, {KeySpace - 1} do redis.call('HSET', string.format('bench:{{%012d}}:challenge', i), 'hash', 'right-hmac-0123456789abcdef0123456789abcdef', 'attempts', 0, 'user', 'bench', 'expires', 9999999999) end return 1").ConfigureAwait(false);
    }

    /// <summary>Runs redis-benchmark once at <paramref name="clients"/> concurrent clients and returns requests per second.</summary>
    public async Task<double> RunAsync(int clients)
    {
        if (!_calibrated.TryGetValue(clients, out var estimate))
        {
            estimate = await RunOnceAsync(clients, 10000).ConfigureAwait(false);
            _calibrated[clients] = estimate;
        }

        var requests = (int)Math.Clamp(estimate * TargetSeconds, 10000, 2_000_000);
        var rate = await RunOnceAsync(clients, requests).ConfigureAwait(false);
        _calibrated[clients] = rate;
        return rate;
    }

    private async Task<double> RunOnceAsync(int clients, int requests)
    {
        var sha = _sha ?? throw new InvalidOperationException("Call PrepareAsync first.");
        var start = new ProcessStartInfo("redis-benchmark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "-h", host, "-p", port.ToString(CultureInfo.InvariantCulture), "-c", clients.ToString(CultureInfo.InvariantCulture),
            "-n", requests.ToString(CultureInfo.InvariantCulture), "-r", KeySpace.ToString(CultureInfo.InvariantCulture), "--csv",
            "EVALSHA", sha, "2", "bench:{__rand_int__}:challenge", "bench:{__rand_int__}:failures", "wrong-hmac",
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-benchmark did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var text = await output.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-benchmark exited with {process.ExitCode}: {await error.ConfigureAwait(false)}{text}");
        }

        // "test","rps",... then "EVALSHA ...","45045.05",...
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => !l.StartsWith("\"test\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Unexpected redis-benchmark output:\n" + text);
        var fields = line.Split("\",\"");
        return double.Parse(fields[1].Trim('"'), CultureInfo.InvariantCulture);
    }
}

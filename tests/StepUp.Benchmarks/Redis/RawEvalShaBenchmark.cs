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
    /// <summary>
    /// The script: StepUp.Redis's code check (<c>RedisScripts.CheckCode</c>) on its wrong-code path, with the limits out of reach
    /// so every call does the full work (read challenge and failure budget, constant-time compare of a 32-byte HMAC, count
    /// the try on both, set the TTL) and the keys survive for the next call.
    /// </summary>
    public const string Script = """
        local now = tonumber(ARGV[2])
        local maxAttempts = tonumber(ARGV[5])
        local maxFailures = tonumber(ARGV[6])
        local c = redis.call('HMGET', KEYS[1], 'id', 'exp', 'att', 'code', 'data')
        if not c[1] or c[1] ~= ARGV[1] or tonumber(c[2]) <= now then
          return {3, 0}
        end
        local attempts = tonumber(c[3])
        local f = redis.call('HMGET', KEYS[2], 'n', 'end')
        local failures = 0
        if f[1] and tonumber(f[2]) > now then
          failures = tonumber(f[1])
        end
        if attempts >= maxAttempts or failures >= maxFailures then
          return {4, 0}
        end
        local match = false
        local stored = c[4]
        local given = ARGV[3]
        if stored and #given > 0 and #stored == #given then
          local diff = 0
          for i = 1, #given do
            diff = bit.bor(diff, bit.bxor(string.byte(stored, i), string.byte(given, i)))
          end
          match = diff == 0
        end
        if match then
          redis.call('DEL', KEYS[1], KEYS[2])
          return {1, maxAttempts - attempts, c[5], attempts, c[4] or ''}
        end
        attempts = attempts + 1
        redis.call('HSET', KEYS[1], 'att', attempts)
        local failureEnd
        if failures == 0 then
          failureEnd = now + tonumber(ARGV[4])
          redis.call('HSET', KEYS[2], 'n', 1, 'end', failureEnd)
        else
          failureEnd = tonumber(f[2])
          redis.call('HSET', KEYS[2], 'n', failures + 1)
        end
        redis.call('PEXPIRE', KEYS[2], math.max(failureEnd - now, 0) + 60000)
        return {2, math.max(0, math.min(maxAttempts - attempts, maxFailures - failures - 1))}
        """;

    /// <summary>The arguments after the keys: challenge id, now (ms), a wrong 32-byte HMAC, failure window (ms), limits.</summary>
    private static readonly string[] ScriptArguments =
        ["bench", "1700000000000", "wrong-hmac-0123456789abcdef-0123", "3600000", "1000000000", "1000000000"];

    private const int KeySpace = 10000;
    private string? _sha;
    private readonly Dictionary<int, double> _calibrated = [];

    /// <summary>The redis-benchmark command line for the report.</summary>
    public string CommandLine(int clients) =>
        $"redis-benchmark -h {host} -p {port} -c {clients} -n <≈{TargetSeconds}s of requests> -r {KeySpace} --csv EVALSHA <sha1 of the script below> 2 bench:{{__rand_int__}}:challenge bench:{{__rand_int__}}:failures {string.Join(' ', ScriptArguments)}";

    /// <summary>Seconds each run should last.</summary>
    public double TargetSeconds { get; init; } = 2;

    /// <summary>Loads the script and seeds <see cref="KeySpace"/> challenge hashes.</summary>
    public async Task PrepareAsync(IConnectionMultiplexer redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        var server = redis.GetServers()[0];
        _sha = Convert.ToHexStringLower(await server.ScriptLoadAsync(Script).ConfigureAwait(false));
        await redis.GetDatabase().ScriptEvaluateAsync(
            $"for i = 0, {KeySpace - 1} do redis.call('HSET', string.format('bench:{{%012d}}:challenge', i), 'id', 'bench', 'exp', 9999999999999, 'att', 0, 'code', 'right-hmac-0123456789abcdef-0123', 'data', string.rep('x', 300)) end return 1").ConfigureAwait(false);
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
            "EVALSHA", sha, "2", "bench:{__rand_int__}:challenge", "bench:{__rand_int__}:failures",
        }.Concat(ScriptArguments))
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

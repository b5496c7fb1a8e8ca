using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;

namespace StepUp.LoadTests;

/// <summary>
/// Starts a redis-server (free loopback port, no persistence) and two app instances (this program in "serve" mode, two
/// loopback ports) sharing it, warms them up, runs the simulated users for the fixed time while sampling each instance's
/// memory every 30 s, then checks the grants in Redis and prints (and optionally writes) the report. Everything it starts
/// is stopped at the end; it targets 127.0.0.1 only and is bounded in time.
/// </summary>
internal static class LoadDriver
{
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(8);

    public static async Task<int> RunAsync(LoadSettings settings)
    {
        if (settings.Duration > MaxDuration || settings.Duration <= TimeSpan.Zero || settings.Users is < 1 or > 1000)
        {
            Console.Error.WriteLine($"--duration must be between 0 and {MaxDuration} and --users between 1 and 1000.");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("stepup-load-");
        var processes = new List<Process>();
        try
        {
            var redisPort = FreePort();
            processes.Add(Start("redis-server", work.FullName, "redis", "--port", Port(redisPort), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", work.FullName));
            var redisEndpoint = "127.0.0.1:" + Port(redisPort);
            await using var redis = await WaitForAsync(() => ConnectionMultiplexer.ConnectAsync(redisEndpoint), "redis-server");
            const string prefix = "load:";

            var ports = new[] { FreePort(), FreePort() };
            var self = typeof(LoadDriver).Assembly.Location;
            foreach (var (port, index) in ports.Select((p, i) => (p, i)))
            {
                processes.Add(Start("dotnet", work.FullName, "instance-" + index, self, "serve", "--port", Port(port), "--redis", redisEndpoint, "--prefix", prefix));
            }

            using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            var clients = ports.Select(p => new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"http://127.0.0.1:{Port(p)}/"), Timeout = TimeSpan.FromSeconds(60) }).ToList();
            foreach (var client in clients)
            {
                await WaitForAsync(async () => (await client.GetAsync("/load/memory")).EnsureSuccessStatusCode(), "an app instance");
            }

            var db = redis.GetDatabase();
            var counters = new LoadCounters();
            var latencies = new Latencies();

            Console.WriteLine($"Warming up two instances on ports {ports[0]} and {ports[1]} (redis on {redisPort})…");
            var warmUp = new VirtualUser(clients, db, prefix, new LoadCounters(), new Latencies(), record: false);
            await Task.WhenAll(Enumerable.Range(0, 20).Select(i => warmUp.RunAsync(-1 - i, DateTimeOffset.UtcNow.AddSeconds(10), CancellationToken.None)));
            var samples = new List<(TimeSpan At, Memory[] Instances)> { (TimeSpan.Zero, await MemoryAsync(clients)) };

            Console.WriteLine($"Running {settings.Users} users for {settings.Duration}…");
            using var stop = new CancellationTokenSource(settings.Duration + TimeSpan.FromMinutes(1)); // hard bound on a stuck run
            var clock = Stopwatch.StartNew();
            var until = DateTimeOffset.UtcNow + settings.Duration;
            var user = new VirtualUser(clients, db, prefix, counters, latencies, record: true);
            var users = Task.WhenAll(Enumerable.Range(0, settings.Users).Select(i => Task.Run(() => user.RunAsync(i, until, stop.Token))));
            while (!users.IsCompleted)
            {
                if (await Task.WhenAny(users, Task.Delay(TimeSpan.FromSeconds(30))) != users)
                {
                    samples.Add((clock.Elapsed, await MemoryAsync(clients)));
                    Console.WriteLine($"  {clock.Elapsed:mm\\:ss} journeys {counters.Journeys}, failures {counters.Failures}");
                }
            }

            await users;
            var elapsed = clock.Elapsed;
            samples.Add((elapsed, await MemoryAsync(clients)));
            var grants = 0L;
            var server = redis.GetServer(redisEndpoint);
            await foreach (var _ in server.KeysAsync(pattern: prefix + "{u:load-[0-9]*}:grants:*", pageSize: 1000))
            {
                grants++;
            }

            var report = Report(settings, counters, latencies, samples, elapsed, grants);
            Console.WriteLine(report);
            if (settings.Report.Length > 0)
            {
                await File.WriteAllTextAsync(settings.Report, report);
            }

            var ok = counters.Lost == 0 && counters.Duplicated == 0 && counters.ServerErrors == 0 && counters.Served == counters.Verified && grants == counters.Verified;
            return ok ? 0 : 1;
        }
        finally
        {
            foreach (var process in Enumerable.Reverse(processes))
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }

                process.Dispose();
            }

            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder: best effort.
            }
        }
    }

    private static string Report(LoadSettings settings, LoadCounters counters, Latencies latencies, List<(TimeSpan At, Memory[] Instances)> samples, TimeSpan elapsed, long grants)
    {
        var seconds = elapsed.TotalSeconds;
        var text = new StringBuilder();
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        text.AppendLine(CultureInfo.InvariantCulture, $"### Load run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(CultureInfo.InvariantCulture, $"{settings.Users} simulated users for {elapsed:mm\\:ss}, two app instances (Release, Kestrel on 127.0.0.1) sharing one redis-server; {Environment.ProcessorCount} cores shared with other work (load average {load} at the end).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Journeys completed: **{counters.Journeys}** ({counters.Journeys / seconds:0.0}/s); codes verified: **{counters.Verified}**; verified users served: **{counters.Served}**; lost grants: **{counters.Lost}**; duplicated grants (replayed code accepted): **{counters.Duplicated}**; grant records in Redis: **{grants}**; 5xx: **{counters.ServerErrors}**; other unexpected answers: **{counters.Failures}**{(counters.Unexpected.IsEmpty ? string.Empty : " (" + string.Join(", ", counters.Unexpected.Select(u => $"{u.Key} ×{u.Value}")) + ")")}.");
        text.AppendLine();
        text.AppendLine("| step | requests | throughput (req/s) | p50 ms | p95 ms | p99 ms | max ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        var total = 0;
        foreach (var (step, count, p50, p95, p99, max) in latencies.Summary())
        {
            total += count;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {count} | {count / seconds:0.0} | {Latencies.Ms(p50)} | {Latencies.Ms(p95)} | {Latencies.Ms(p99)} | {Latencies.Ms(max)} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {total} | {total / seconds:0.0} | | | | |");
        text.AppendLine();
        text.AppendLine("Memory after a forced full GC (managed heap / working set, MB), sampled every 30 s:");
        text.AppendLine();
        text.AppendLine("| at | " + string.Join(" | ", samples[0].Instances.Select((_, i) => $"instance {i + 1}")) + " |");
        text.AppendLine("|---|" + string.Concat(samples[0].Instances.Select(_ => "---:|")));
        foreach (var (at, instances) in samples)
        {
            var label = at == TimeSpan.Zero ? "before (after warm-up)" : at.ToString("mm\\:ss", CultureInfo.InvariantCulture);
            var values = string.Join(" | ", instances.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Managed / 1048576.0:0.0} / {m.WorkingSet / 1048576.0:0}")));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {values} |");
        }

        return text.ToString();
    }

    private static async Task<Memory[]> MemoryAsync(List<HttpClient> clients) =>
        await Task.WhenAll(clients.Select(async c =>
        {
            using var doc = JsonDocument.Parse(await c.GetStringAsync("/load/memory"));
            return new Memory(doc.RootElement.GetProperty("managed").GetInt64(), doc.RootElement.GetProperty("workingSet").GetInt64());
        }));

    private static Process Start(string file, string directory, string name, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var log = new StreamWriter(Path.Combine(directory, name + ".log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> attempt, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (Exception ex) when ((ex is RedisConnectionException or HttpRequestException or SocketException) && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Memory(long Managed, long WorkingSet);
}

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace StepUp.Testing.Redis;

/// <summary>
/// A real <c>redis-server</c> on a free 127.0.0.1 port, without persistence (<c>--save "" --appendonly no</c>), in a temp
/// folder; stopped and removed on dispose. Tests can stop it and start it again (empty) on the same port.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(15);
    private readonly string[] _extraArguments;
    private Process? _process;

    private RedisServer(int port, string directory, string[] extraArguments)
    {
        Port = port;
        Directory = directory;
        _extraArguments = extraArguments;
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The server's working folder (its log and, for cluster nodes, its node file).</summary>
    public string Directory { get; }

    /// <summary>The endpoint as StackExchange.Redis reads it.</summary>
    public string EndPoint => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a server on a free port (retrying with another port if it was taken meanwhile).</summary>
    public static async Task<RedisServer> StartAsync(params string[] extraArguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(FreePort(), System.IO.Directory.CreateTempSubdirectory("stepup-redis-").FullName, extraArguments);
            try
            {
                await server.StartAgainAsync();
                return server;
            }
            catch (TimeoutException) when (attempt < 5)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>Starts a server on <paramref name="port"/> (used by the cluster fixture, which needs port + 10000 free too).</summary>
    public static async Task<RedisServer> StartOnAsync(int port, params string[] extraArguments)
    {
        var server = new RedisServer(port, System.IO.Directory.CreateTempSubdirectory("stepup-redis-").FullName, extraArguments);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the (stopped) server again on the same port, empty, and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The Redis server is already running.");
        }

        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, WorkingDirectory = Directory };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no",
            "--dir", Directory, "--logfile", Path.Combine(Directory, "redis.log"), "--daemonize", "no",
        }.Concat(_extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("redis-server is not installed. Install it first: apt-get install -y redis-server (Debian package).", ex);
        }

        var process = _process;
        await RespClient.WaitUntilAsync(
            async () => process.HasExited
                ? throw new TimeoutException($"redis-server exited with code {process.ExitCode}; see {Path.Combine(Directory, "redis.log")}.")
                : await PingAsync(),
            StartLimit,
            $"redis-server on port {Port}");
    }

    /// <summary>Kills the server (connections drop at once, data is lost) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Whether the server answers PING.</summary>
    public async Task<bool> PingAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        return await RespClient.SendAsync(Port, timeout.Token, "PING") == "+PONG";
    }

    /// <summary>Stops the server and removes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is a temp folder.
        }
    }

    /// <summary>A port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether <paramref name="port"/> on 127.0.0.1 can be bound now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

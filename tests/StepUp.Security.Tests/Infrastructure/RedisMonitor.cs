using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StepUp.Testing.Redis;

namespace StepUp.Security.Tests.Infrastructure;

/// <summary>
/// Records every command a redis-server executes (<c>MONITOR</c> on a raw connection, so it does not depend on the client
/// under test). Each line is decoded into its arguments as bytes: binary values (HMACs, Data Protection blobs) stay binary,
/// so a search for a code or a phone number finds only what was really sent in the clear.
/// </summary>
public sealed class RedisMonitor : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<MonitoredCommand> _commands = new();
    private readonly Task _reader;
    private readonly int _port;

    private RedisMonitor(int port, TcpClient client, StreamReader reader)
    {
        _port = port;
        _client = client;
        _reader = Task.Run(() => ReadAsync(reader, _stop.Token));
    }

    /// <summary>The commands seen so far, in order.</summary>
    public IReadOnlyCollection<MonitoredCommand> Commands => _commands.ToArray();

    /// <summary>How many commands were seen so far (a position to read from later).</summary>
    public int Count => _commands.Count;

    /// <summary>Starts monitoring the redis-server on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<RedisMonitor> StartAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync("*1\r\n$7\r\nMONITOR\r\n"u8.ToArray());
        var reader = new StreamReader(stream, Encoding.Latin1);
        var ok = await reader.ReadLineAsync();
        if (ok != "+OK")
        {
            client.Dispose();
            throw new InvalidOperationException($"MONITOR answered {ok}.");
        }

        return new RedisMonitor(port, client, reader);
    }

    /// <summary>
    /// Waits until every command sent before this call has been seen: sends a unique <c>ECHO</c> on another connection and
    /// polls (bounded) until it shows up.
    /// </summary>
    public async Task FlushAsync()
    {
        var marker = "monitor-flush-" + Guid.NewGuid().ToString("N");
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await RespClient.SendAsync(_port, timeout.Token, "ECHO", marker);
        }

        await RespClient.WaitUntilAsync(
            () => Task.FromResult(_commands.Any(c => c.Arguments.Count == 2 && c.Text(1) == marker)),
            TimeSpan.FromSeconds(10),
            "the MONITOR stream to catch up");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The connection was closed under the reader: that is how it stops.
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var line = await reader.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return;
            }

            if (line.StartsWith('+') && Parse(line) is { } command)
            {
                _commands.Enqueue(command);
            }
        }
    }

    /// <summary>Decodes <c>+1339518083.107412 [0 127.0.0.1:60866] "SET" "k" "\x00v"</c>.</summary>
    internal static MonitoredCommand? Parse(string line)
    {
        var start = line.IndexOf("] ", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var arguments = new List<byte[]>();
        var i = start + 2;
        while (i < line.Length)
        {
            if (line[i] != '"')
            {
                i++;
                continue;
            }

            var bytes = new List<byte>();
            i++;
            while (i < line.Length && line[i] != '"')
            {
                var c = line[i];
                if (c == '\\' && i + 1 < line.Length)
                {
                    var next = line[i + 1];
                    switch (next)
                    {
                        case 'x' when i + 3 < line.Length:
                            bytes.Add(byte.Parse(line.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                            i += 4;
                            continue;
                        case 'n': bytes.Add((byte)'\n'); break;
                        case 'r': bytes.Add((byte)'\r'); break;
                        case 't': bytes.Add((byte)'\t'); break;
                        case 'a': bytes.Add(7); break;
                        case 'b': bytes.Add(8); break;
                        default: bytes.Add((byte)next); break;
                    }

                    i += 2;
                    continue;
                }

                bytes.Add((byte)c);
                i++;
            }

            arguments.Add([.. bytes]);
            i++;
        }

        return new MonitoredCommand(arguments);
    }
}

/// <summary>One command as Redis executed it.</summary>
/// <param name="Arguments">The command name and its arguments, as bytes.</param>
public sealed record MonitoredCommand(IReadOnlyList<byte[]> Arguments)
{
    /// <summary>Argument <paramref name="index"/> read as Latin-1 text (bytes above 0x7F stay distinct characters).</summary>
    public string Text(int index) => Encoding.Latin1.GetString(Arguments[index]);

    /// <inheritdoc />
    public override string ToString() => string.Join(' ', Arguments.Select((_, i) => '"' + Text(i) + '"'));
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StepUp.Testing.Redis;

/// <summary>
/// A minimal RESP client for the fixtures (PING, CLUSTER INFO, SHUTDOWN) so that they do not depend on the client under
/// test. Answers simple strings, errors, integers and bulk strings as text.
/// </summary>
public static class RespClient
{
    /// <summary>Sends one command to 127.0.0.1:<paramref name="port"/> and answers the reply as text, or throws when unreachable.</summary>
    public static async Task<string> SendAsync(int port, CancellationToken cancellationToken, params string[] arguments)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
        await using var stream = client.GetStream();
        var request = new StringBuilder().Append('*').Append(arguments.Length).Append("\r\n");
        foreach (var argument in arguments)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(argument)).Append("\r\n").Append(argument).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancellationToken);
        var reader = new StreamReader(stream, Encoding.UTF8);
        var line = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("Redis closed the connection.");
        if (line.StartsWith('$'))
        {
            var length = int.Parse(line.AsSpan(1), CultureInfo.InvariantCulture);
            if (length < 0)
            {
                return string.Empty;
            }

            var buffer = new char[length + 2];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken);
                if (n == 0)
                {
                    throw new IOException("Redis closed the connection.");
                }

                read += n;
            }

            return new string(buffer, 0, length);
        }

        return line;
    }

    /// <summary>Awaits <paramref name="condition"/> with a bounded poll; throws <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // Not there yet.
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Gave up after {limit.TotalSeconds} s waiting for {what}.");
            }

            await Task.Delay(25, CancellationToken.None);
        }
    }
}

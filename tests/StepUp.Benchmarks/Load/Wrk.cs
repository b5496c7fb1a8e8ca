using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StepUp.Benchmarks.Load;

/// <summary>Runs the <c>wrk</c> load generator (Debian package <c>wrk</c>) against a loopback URL and parses its output.</summary>
public sealed partial class Wrk(int threads, int connections)
{
    /// <summary>The command line, with the cookie value left out, for the report.</summary>
    public string CommandLine(int seconds, Uri url, bool withCookie) =>
        $"wrk -t{threads} -c{connections} -d{seconds}s --latency{(withCookie ? " -H \"Cookie: <grant cookie>\"" : string.Empty)} {url}";

    /// <summary>Runs wrk for <paramref name="seconds"/> and returns its figures; throws if wrk fails or any request failed.</summary>
    public async Task<WrkResult> RunAsync(int seconds, Uri url, string? cookie = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", "--timeout", "5s" })
        {
            start.ArgumentList.Add(arg);
        }

        if (cookie is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Cookie: " + cookie);
        }

        start.ArgumentList.Add(url.ToString());
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var text = await output.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {await error.ConfigureAwait(false)}{text}");
        }

        var result = Parse(text);
        if (result.Errors > 0)
        {
            throw new InvalidOperationException($"{result.Errors} of {result.Requests} requests to {url} failed (non-2xx or socket errors): the comparison would be void.\n{text}");
        }

        return result;
    }

    /// <summary>Parses wrk's text output.</summary>
    public static WrkResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rps = RequestsPerSecond().Match(text);
        var total = TotalRequests().Match(text);
        if (!rps.Success || !total.Success)
        {
            throw new InvalidOperationException("Unexpected wrk output:\n" + text);
        }

        long errors = 0;
        var non2xx = Non2xx().Match(text);
        if (non2xx.Success)
        {
            errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var socket = SocketErrors().Match(text);
        if (socket.Success)
        {
            for (var g = 1; g <= 4; g++)
            {
                errors += long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture);
            }
        }

        return new WrkResult(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture),
            errors,
            Percentile(text, "50%"),
            Percentile(text, "99%"));
    }

    private static double Percentile(string text, string label)
    {
        var match = Regex.Match(text, @"^\s*" + Regex.Escape(label) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "s" => value * 1000,
            _ => value,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex TotalRequests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}

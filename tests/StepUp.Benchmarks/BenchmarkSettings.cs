using System.Globalization;

namespace StepUp.Benchmarks;

/// <summary>What one run measures and for how long; read from the command line (see <c>run.sh</c>).</summary>
public sealed record BenchmarkSettings
{
    /// <summary>The Redis server the StepUp store and the raw EVALSHA baseline use (<c>host:port</c>); in-memory store when null.</summary>
    public string? Redis { get; init; }

    /// <summary>A/B rounds per HTTP comparison (sections 1 and 2).</summary>
    public int Rounds { get; init; } = 5;

    /// <summary>Seconds of load per wrk run.</summary>
    public int Seconds { get; init; } = 5;

    /// <summary>Seconds of warm-up load per app and endpoint before the rounds.</summary>
    public int WarmupSeconds { get; init; } = 3;

    /// <summary>wrk threads.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>wrk connections.</summary>
    public int Connections { get; init; } = 16;

    /// <summary>Rounds of the verification-path comparison (section 3), per concurrency level.</summary>
    public int VerificationRounds { get; init; } = 3;

    /// <summary>Seconds of StepUp start+check load per verification round.</summary>
    public double VerificationSeconds { get; init; } = 3;

    /// <summary>Concurrent users of the verification-path comparison.</summary>
    public IReadOnlyList<int> Concurrency { get; init; } = [1, 16, 64];

    /// <summary>Sections to run: 0 (A/A control, with 1), 1 to 4; 5 is measured with 1 and 2; 6 is 2b (in-process breakdown of 2), which also runs with 2.</summary>
    public IReadOnlySet<int> Sections { get; init; } = new HashSet<int> { 0, 1, 2, 3, 4 };

    /// <summary>Where the Markdown report goes.</summary>
    public string Output { get; init; } = Path.Combine("results", "latest.md");

    /// <summary>Where BenchmarkDotNet writes its artifacts.</summary>
    public string ArtifactsPath { get; init; } = Path.Combine("results", "BenchmarkDotNet");

    /// <summary>Parses <c>--name value</c> pairs; unknown names are an error.</summary>
    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchmarkSettings();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            settings = name switch
            {
                "--redis" => settings with { Redis = value },
                "--rounds" => settings with { Rounds = Positive(name, value) },
                "--seconds" => settings with { Seconds = Positive(name, value) },
                "--warmup-seconds" => settings with { WarmupSeconds = Positive(name, value) },
                "--threads" => settings with { Threads = Positive(name, value) },
                "--connections" => settings with { Connections = Positive(name, value) },
                "--verification-rounds" => settings with { VerificationRounds = Positive(name, value) },
                "--verification-seconds" => settings with { VerificationSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" => settings with { Concurrency = [.. value.Split(',').Select(v => Positive(name, v))] },
                "--sections" => settings with { Sections = value.Split(',').Select(v => v == "0" ? 0 : Positive(name, v)).ToHashSet() },
                "--out" => settings with { Output = value },
                "--artifacts" => settings with { ArtifactsPath = value },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return settings;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive integer; it is '{value}'.");
}

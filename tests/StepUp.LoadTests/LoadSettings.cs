namespace StepUp.LoadTests;

/// <summary>What a load run does.</summary>
internal sealed class LoadSettings
{
    /// <summary>Simulated users running at once.</summary>
    public int Users { get; init; } = 200;

    /// <summary>How long they run (after a short warm-up). At most 8 minutes, so a whole run stays under 10.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Where to write the Markdown report too (optional).</summary>
    public string Report { get; init; } = string.Empty;
}

namespace InsuranceApp.Sites;

/// <summary>The running sites and where they listen, so each can link to the others (filled in as they start).</summary>
public sealed class InsuranceSites
{
    private readonly Lock _lock = new();
    private readonly List<(string Title, Uri Address)> _sites = [];

    /// <summary>The sites started so far: title and address.</summary>
    public IReadOnlyList<(string Title, Uri Address)> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _sites];
            }
        }
    }

    internal void Add(string title, Uri address)
    {
        lock (_lock)
        {
            _sites.Add((title, address));
        }
    }
}

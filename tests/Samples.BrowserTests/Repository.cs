namespace Samples.BrowserTests;

/// <summary>The repository the tests run from (the folder holding StepUp.sln).</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StepUp.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"StepUp.sln not found above {AppContext.BaseDirectory}.");
    }
}

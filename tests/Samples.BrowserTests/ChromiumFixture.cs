namespace Samples.BrowserTests;

/// <summary>
/// One headless Chromium for the test run: Debian's <c>/usr/bin/chromium</c> (no browser download), with the flags that keep
/// it off the network, <c>--no-sandbox</c> when running as root.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots of key screens go (git-ignored).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(FindRepositoryRoot(), "artifacts", "screenshots");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("STEPUP_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium was not found at {executable}: run ./test.sh (it installs Debian's chromium package) or set STEPUP_CHROMIUM.");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        var args = new List<string>
        {
            "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        };
        if (Environment.UserName == "root")
        {
            args.Add("--no-sandbox");
        }

        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = args });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StepUp.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}

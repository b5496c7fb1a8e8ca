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
    public static string ScreenshotDirectory { get; } = Path.Combine(Repository.Root, "artifacts", "screenshots");

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

    /// <summary>
    /// A fresh browser context (its own cookies) for <paramref name="baseUrl"/>: a desktop window, or a 390×844 phone screen.
    /// Waits give up after a minute instead of Playwright's 30 seconds: the machines these run on are shared.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUrl, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.AbsoluteUri,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
        });
        context.SetDefaultTimeout(60_000);
        return context;
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
}

namespace Samples.BrowserTests;

/// <summary>Saves full-page screenshots of key screens to <c>artifacts/screenshots/</c> (git-ignored).</summary>
internal static class Screenshots
{
    public static Task SaveAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}

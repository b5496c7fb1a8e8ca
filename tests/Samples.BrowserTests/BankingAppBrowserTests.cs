namespace Samples.BrowserTests;

[Collection(nameof(SharedChromium))]
public sealed class BankingAppBrowserTests(ChromiumFixture chromium)
{
    private const string AlicePhone = "+31612345634";

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumFixture.ScreenshotDirectory, $"banking-{name}.png"), FullPage = true });

    private async Task<(BankingAppServer App, IBrowserContext Context, IPage Page)> OpenAsync(bool mobile = false)
    {
        var app = BankingAppServer.Start();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            ViewportSize = mobile ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 },
        });
        return (app, context, await context.NewPageAsync());
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/");
        await page.ClickAsync($"#sign-in-{user}");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }

    [Fact]
    public async Task AliceSeesHerBalanceWithoutMfaAndConfirmsATransferWithATextCode()
    {
        var (app, context, page) = await OpenAsync();
        await using var _ = app;
        await using var __ = context;

        await SignInAsync(page, "alice");
        Assert.Equal("EUR 2,450.75", await page.TextContentAsync("[data-testid=balance] >> nth=0"));
        await ShotAsync(page, "01-accounts");

        await page.ClickAsync("#new-transfer");
        await page.FillAsync("#payee-name", "Landlord");
        await page.FillAsync("#payee-iban", "NL91 ABNA 0417 1643 00");
        await page.FillAsync("#amount", "500.00");
        await page.ClickAsync("#review-transfer");
        await page.ClickAsync("#confirm-transfer");

        await page.WaitForSelectorAsync("#approving");
        Assert.Equal("send EUR 500.00 to NL91 ••• 4300", await page.TextContentAsync("#approving"));
        Assert.Equal("+31 • ••••••34", await page.TextContentAsync("#masked-phone"));
        await ShotAsync(page, "02-step-up");
        await page.ClickAsync("#send");

        var code = page.Locator("#code");
        await code.WaitForAsync();
        Assert.Equal("code", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("one-time-code", await code.GetAttributeAsync("autocomplete"));
        await ShotAsync(page, "03-code");
        await code.FillAsync(app.CodeFor(AlicePhone));
        await page.ClickAsync("#verify");

        await page.WaitForSelectorAsync("#confirm-transfer");
        await page.ClickAsync("#confirm-transfer");
        await page.WaitForSelectorAsync("#transfer-done");
        Assert.Contains("EUR 500.00 to Landlord", await page.TextContentAsync("#transfer-done"), StringComparison.Ordinal);
        await ShotAsync(page, "04-done");
    }
}

[CollectionDefinition(nameof(SharedChromium))]
public sealed class SharedChromium : ICollectionFixture<ChromiumFixture>;

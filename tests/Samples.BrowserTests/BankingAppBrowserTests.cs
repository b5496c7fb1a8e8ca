using Microsoft.Extensions.Time.Testing;

namespace Samples.BrowserTests;

[Collection(nameof(SharedChromium))]
public sealed class BankingAppBrowserTests(ChromiumFixture chromium)
{
    private const string AlicePhone = "+31612345634";

    private sealed record Session(BankingAppServer App, IBrowserContext Context, IPage Page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Context.DisposeAsync();
            await App.DisposeAsync();
        }
    }

    private async Task<Session> OpenAsync(bool phone = false, TimeProvider? time = null)
    {
        var app = BankingAppServer.Start(time);
        var context = await chromium.NewContextAsync(app.Address, phone);
        return new Session(app, context, await context.NewPageAsync());
    }

    /// <summary>Opens the bank, signs in at the directory as <paramref name="user"/>, ends on the accounts page.</summary>
    private static async Task SignInAsync(Session s, string user)
    {
        await s.Page.GotoAsync("/");
        await DirectoryPages.SignInAsync(s.Page, user);
        await s.Page.WaitForURLAsync(s.App.Address.AbsoluteUri);
    }

    [Fact]
    public async Task AliceSignsInAtTheDirectoryAndSeesHerBalancesWithoutAPhoneStep()
    {
        await using var s = await OpenAsync();

        await s.Page.GotoAsync("/");
        Assert.StartsWith(s.App.Directory.Origin.AbsoluteUri, s.Page.Url, StringComparison.Ordinal);
        await Screenshots.SaveAsync(s.Page, "banking-01-directory-sign-in");
        await DirectoryPages.SignInAsync(s.Page, "alice");
        await s.Page.WaitForURLAsync(s.App.Address.AbsoluteUri);

        Assert.Equal("EUR 2,450.75", await s.Page.TextContentAsync("[data-testid=balance] >> nth=0"));
        Assert.Equal(0, await s.Page.Locator("#step-up-status").CountAsync());
        Assert.Contains("Alice", await s.Page.TextContentAsync("#sign-out"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(s.Page, "banking-02-accounts");
    }
}

[CollectionDefinition(nameof(SharedChromium))]
public sealed class SharedChromium : ICollectionFixture<ChromiumFixture>;

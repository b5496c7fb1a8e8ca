namespace Samples.BrowserTests;

/// <summary>One person at the bank: the app (with its directory), a browser context of their own, and a tab.</summary>
internal sealed record BankingSession(BankingAppServer App, IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    /// <summary>A new browser context (a desktop window, or a 390×844 phone screen) on <paramref name="app"/>, which it then owns.</summary>
    public static async Task<BankingSession> OpenAsync(ChromiumFixture chromium, BankingAppServer app, bool phone = false)
    {
        var context = await chromium.NewContextAsync(app.Address, phone);
        return new BankingSession(app, context, await context.NewPageAsync());
    }

    /// <summary>Opens the bank, signs in at the directory as <paramref name="user"/>, ends on the accounts page.</summary>
    public async Task SignInAsync(string user)
    {
        await Page.GotoAsync("/");
        await DirectoryPages.SignInAsync(Page, user);
        await Page.WaitForURLAsync(App.Address.AbsoluteUri);
    }

    /// <summary>The balance of the current account, as shown.</summary>
    public Task<string?> BalanceAsync() => Page.TextContentAsync("[data-testid=balance] >> nth=0");

    /// <summary>Waits until the element with id <paramref name="id"/> has the focus (autofocus applies after the page loads).</summary>
    public Task WaitForFocusAsync(string id) =>
        Page.WaitForFunctionAsync("id => document.activeElement !== null && document.activeElement.id === id", id);

    /// <summary>Fills in a transfer and reviews it: ends on its confirm page (or on the form, showing what to fix).</summary>
    public async Task NewTransferAsync(string payee, string iban, string amount)
    {
        await Page.GotoAsync("/Transfers/New");
        await Page.FillAsync("#payee-name", payee);
        await Page.FillAsync("#payee-iban", iban);
        await Page.FillAsync("#amount", amount);
        await Page.ClickAsync("#review-transfer");
        await Page.Locator("#confirm-transfer, #form-error").WaitForAsync();
    }

    /// <summary>On the code form: types the newest code sent to <paramref name="phone"/> and verifies it.</summary>
    public async Task EnterCodeAsync(string phone)
    {
        await Page.Locator("#code").WaitForAsync();
        await Page.FillAsync("#code", App.CodeFor(phone));
        await Page.ClickAsync("#verify");
    }

    /// <summary>Back on the confirm page with the code accepted: sends the transfer and checks it went.</summary>
    public async Task SendApprovedTransferAsync()
    {
        await Page.Locator("#how-to-send").WaitForAsync();
        await Page.ClickAsync("#confirm-transfer");
        await Page.Locator("#transfer-done").WaitForAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await App.DisposeAsync();
    }
}

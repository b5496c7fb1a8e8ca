using Microsoft.Extensions.DependencyInjection;
using StepUp.AspNetCore.Development;

namespace Samples.BrowserTests;

/// <summary>Two applications in one directory: Auto insurance needs only a sign-in, Home insurance a phone step as well.</summary>
[Collection(nameof(SharedChromium))]
public sealed class InsuranceAppBrowserTests(ChromiumFixture chromium)
{
    private const string AlicePhone = "+31612345634";

    [Fact]
    public async Task SignedInToAutoOpeningHomeAsksOnlyForThePhoneStepAtTheDirectoryThenShowsTheHomePolicy()
    {
        await using var insurance = await InsuranceServer.StartAsync("DirectoryRedirect");
        var directory = insurance.Directory!;
        await using var context = await chromium.NewContextAsync(insurance.Address("Auto"), phone: true);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await DirectoryPages.SignInAsync(page, "alice");
        await page.WaitForURLAsync(insurance.Address("Auto").AbsoluteUri);
        Assert.Equal("AU-2025-4417", await page.TextContentAsync("#policy-number"));
        Assert.Equal(0, await page.Locator("#phone-verified").CountAsync());
        Assert.Empty(directory.Outbox.Messages);
        await Screenshots.SaveAsync(page, "insurance-phone-01-auto-policy");

        var visited = new List<string>();
        page.FrameNavigated += (_, frame) => visited.Add(frame.Url);
        await page.ClickAsync("a.other-site");
        await page.Locator("h1", new() { HasText = "Verify your phone" }).WaitForAsync();
        Assert.StartsWith(directory.Origin.AbsoluteUri, page.Url, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "insurance-phone-02-directory-phone-step");
        await page.ClickAsync("button:text-is('Send code')");
        await page.Locator("#code").WaitForAsync();
        Assert.Equal("one-time-code", await page.GetAttributeAsync("#code", "autocomplete"));
        await page.WaitForFunctionAsync("document.activeElement !== null && document.activeElement.id === 'code'");
        await Screenshots.SaveAsync(page, "insurance-phone-03-directory-code");
        await page.FillAsync("#code", directory.Outbox.LatestTo(AlicePhone)!.Code!);
        await page.ClickAsync("button:text-is('Verify code')");

        await page.WaitForURLAsync(insurance.Address("Home").AbsoluteUri);
        Assert.Equal("HO-2025-0932", await page.TextContentAsync("#policy-number"));
        Assert.Equal("Phone verified at the directory.", await page.TextContentAsync("#phone-verified"));
        Assert.DoesNotContain(visited, url => url.Contains("/ui/signin", StringComparison.Ordinal));
        await Screenshots.SaveAsync(page, "insurance-phone-04-home-policy");
    }

    [Fact]
    public async Task WithHomeSwitchedToInAppModeHomeAsksForThePhoneStepItselfAfterSingleSignOn()
    {
        await using var insurance = await InsuranceServer.StartAsync("InApp");
        await using var context = await chromium.NewContextAsync(insurance.Address("Auto"));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await DirectoryPages.SignInAsync(page, "alice");
        await page.WaitForURLAsync(insurance.Address("Auto").AbsoluteUri);

        var visited = new List<string>();
        page.FrameNavigated += (_, frame) => visited.Add(frame.Url);
        await page.ClickAsync("a.other-site");
        await page.Locator("#masked-phone").WaitForAsync();
        Assert.StartsWith(new Uri(insurance.Address("Home"), "stepup").AbsoluteUri, page.Url, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "insurance-05-home-in-app-step-up");
        await page.ClickAsync("#send");
        await page.Locator("#code").WaitForAsync();
        var outbox = insurance.Site("Home").Services.GetRequiredService<DevelopmentOutbox>();
        await page.FillAsync("#code", outbox.LatestTo(AlicePhone)!.Code!);
        await page.ClickAsync("#verify");

        await page.WaitForURLAsync(insurance.Address("Home").AbsoluteUri);
        Assert.Equal("HO-2025-0932", await page.TextContentAsync("#policy-number"));
        Assert.Equal("Phone verified in this app by text.", await page.TextContentAsync("#phone-verified"));
        Assert.DoesNotContain(visited, url => url.StartsWith(insurance.Directory!.Origin.AbsoluteUri, StringComparison.Ordinal) && !url.Contains("/authorize", StringComparison.Ordinal));
        Assert.Empty(insurance.Directory!.Outbox.Messages);
        await Screenshots.SaveAsync(page, "insurance-06-home-policy-in-app");

        await page.ClickAsync("#sign-out");
        await page.Locator("#signed-out").WaitForAsync();
        Assert.Equal(new Uri(insurance.Address("Home"), "Account/SignedOut"), new Uri(page.Url));
    }
}

using System.Net;
using StepUp.Testing.Hosting;

namespace StepUp.AspNetCore.Tests.Pages;

public sealed class VerifyPageTests
{
    private static Dictionary<string, string> Values(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task AUserWithAnAttachedPhoneSeesItMaskedVerifiesByTextAndReturnsToTheProtectedPage()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        var (_, page) = await browser.FollowAsync("/sensitive");
        Assert.Equal("+31 • ••••••34", page.QuerySelector("#masked-phone")!.TextContent);
        Assert.Null(page.QuerySelector("#phone-number"));

        var (sent, codePage) = await browser.SubmitAsync(page, "#send");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var codeInput = codePage.QuerySelector("#code")!;
        Assert.Equal("one-time-code", codeInput.GetAttribute("autocomplete"));
        Assert.Equal("numeric", codeInput.GetAttribute("inputmode"));
        Assert.NotNull(codePage.QuerySelector("#switch-channel"));

        var (verified, _) = await browser.SubmitAsync(codePage, "#verify", Values(("Code", app.LatestCode(StepUpApi.AlicePhone))));

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal("/sensitive", verified.Headers.Location!.OriginalString);
        Assert.Equal("sensitive", await (await browser.GetAsync("/sensitive")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AUserWithoutAPhoneEntersOneSwitchesToAVoiceCallAndEnrolsIt()
    {
        await using var app = await StepUpTestApp.StartAsync(services: s => s.Configure<StepUpOptions>(o => o.ResendCooldown = TimeSpan.Zero));
        using var browser = await app.SignedInBrowserAsync("bob");
        var (_, page) = await browser.FollowAsync("/sensitive");
        Assert.NotNull(page.QuerySelector("#phone-number"));

        var (_, invalid) = await browser.SubmitAsync(page, "#send", Values(("PhoneNumber", "12")));
        Assert.Equal("true", invalid.QuerySelector("#phone-number")!.GetAttribute("aria-invalid"));
        Assert.Contains("phone-number-error", invalid.QuerySelector("#phone-number")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);

        var (_, codePage) = await browser.SubmitAsync(invalid, "#send", Values(("PhoneNumber", "+44 7911 123456")));
        var (_, voicePage) = await browser.SubmitAsync(codePage, "#switch-channel");
        Assert.Equal(PhoneChannel.Voice, app.Outbox.LatestTo("+447911123456")!.Channel);

        var (verified, _) = await browser.SubmitAsync(voicePage, "#verify", Values(("Code", app.LatestCode("+447911123456"))));

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/sensitive")).StatusCode);
    }

    [Fact]
    public async Task AWrongCodeIsShownNextToTheFieldWithTriesLeft()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var (_, page) = await browser.FollowAsync("/sensitive");
        var (_, codePage) = await browser.SubmitAsync(page, "#send");
        var wrong = app.LatestCode(StepUpApi.AlicePhone) == "000000" ? "111111" : "000000";

        var (response, errorPage) = await browser.SubmitAsync(codePage, "#verify", Values(("Code", wrong)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("That code is not right. 4 tries left.", errorPage.QuerySelector("#code-error")!.TextContent);
        Assert.Equal("true", errorPage.QuerySelector("#code")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task CancelShowsAClearPageAndTheNextVisitAsksAgain()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var (_, page) = await browser.FollowAsync("/sensitive");
        var (_, codePage) = await browser.SubmitAsync(page, "#send");

        var (_, cancelled) = await browser.SubmitAsync(codePage, "#cancel");

        Assert.Contains("Verification cancelled", cancelled.Body!.TextContent, StringComparison.Ordinal);
        var again = await browser.GetAsync("/sensitive");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var (_, fresh) = await browser.FollowAsync("/sensitive");
        Assert.NotNull(fresh.QuerySelector("#send"));
    }

    [Fact]
    public async Task PostsWithoutTheAntiforgeryTokenAreRefused()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var (_, page) = await browser.FollowAsync("/sensitive");

        var (response, _) = await browser.SubmitAsync(page, "#send", includeAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Outbox.Messages);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("https%3A%2F%2Fevil.example")]
    public async Task ForeignReturnUrlsAreReplacedByTheHomePage(string returnUrl)
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var (_, page) = await browser.GetPageAsync("/stepup?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var (_, codePage) = await browser.SubmitAsync(page, "#send");

        var (verified, _) = await browser.SubmitAsync(codePage, "#verify", Values(("Code", app.LatestCode(StepUpApi.AlicePhone))));

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal("/", verified.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheOutboxPageListsCodesInDevelopmentOnly()
    {
        await using var dev = await StepUpTestApp.StartAsync();
        await dev.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await dev.SignedInBrowserAsync(StepUpApi.Alice);
        await browser.StartAsync();
        var (_, outbox) = await browser.GetPageAsync("/stepup/dev/outbox");
        Assert.Equal(dev.LatestCode(StepUpApi.AlicePhone), outbox.QuerySelector(".code")!.GetAttribute("data-code"));

        await using var staging = await StepUpTestApp.StartAsync(environment: "Staging");
        using var other = staging.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/stepup/dev/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/stepup/api/dev/outbox")).StatusCode);
    }
}

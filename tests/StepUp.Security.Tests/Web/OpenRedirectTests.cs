using System.Net;
using StepUp.Security.Tests.Infrastructure;
using StepUp.Testing.Hosting;

namespace StepUp.Security.Tests.Web;

/// <summary>
/// Return URLs that lead off the site — protocol-relative, backslashed, scheme-only, control characters, encoded — are
/// replaced by the app root wherever StepUp hands one back: the JSON verify answer, the page's hidden field and links, and
/// the redirect after a code typed on the page.
/// </summary>
public sealed class OpenRedirectTests(SecuritySuite suite) : AttackTest(suite)
{
    /// <summary>Return URLs a browser would follow to another site (WHATWG parsing: <c>\</c> is <c>/</c>, tabs and newlines vanish).</summary>
    public static TheoryData<string> OffSite =>
    [
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        " //evil.example",
        "https:evil.example",
        "http:/evil.example",
        "https://evil.example/",
        "HTTPS://EVIL.EXAMPLE",
        "//evil.example@bank.example",
        "javascript:alert(document.domain)",
        "data:text/html,<script>alert(1)</script>",
        "%2F%2Fevil.example",
        "%5C%5Cevil.example",
        "／／evil.example",
        "/ok\r\nLocation: https://evil.example",
    ];

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task TheJsonVerifyAnswerNeverHandsBackAnOffSiteReturnUrl(string returnUrl)
    {
        var (app, browser, phone) = await StepUpReadyAsync();
        var challengeId = await browser.StartCodeAsync();

        using var verified = await browser.VerifyAsync(challengeId, app.Network.LatestCode(phone), returnUrl);

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("/", (await verified.JsonAsync()).GetProperty("returnUrl").GetString());
    }

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task TheStepUpPageCarriesOnlyTheAppRootAndRedirectsThereAfterTheCode(string returnUrl)
    {
        var (app, browser, phone) = await StepUpReadyAsync();

        var (shown, page) = await browser.GetPageAsync("/stepup?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var (_, codeForm) = await browser.SubmitAsync(page, "#send");
        var (redirect, _) = await browser.SubmitAsync(codeForm, "#verify", new Dictionary<string, string> { ["Code"] = app.Network.LatestCode(phone), ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.All(page.QuerySelectorAll("input[name=ReturnUrl]"), input => Assert.Equal("/", input.GetAttribute("value")));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/", redirect.Headers.Location!.OriginalString);
        Assert.DoesNotContain(Transcript.Exchanges, e => e.Headers.Contains("evil.example", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/sensitive")]
    [InlineData("/sensitive?tab=2&x=%2F%2Fevil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("/%09/evil.example")]
    public async Task LocalReturnUrlsArePassedThroughAndStayOnTheSite(string returnUrl)
    {
        var (app, browser, phone) = await StepUpReadyAsync();
        var challengeId = await browser.StartCodeAsync();

        using var verified = await browser.VerifyAsync(challengeId, app.Network.LatestCode(phone), returnUrl);
        var returned = (await verified.JsonAsync()).GetProperty("returnUrl").GetString()!;

        Assert.Equal(returnUrl, returned);
        Assert.Equal(app.Origin.Authority, new Uri(app.Origin, returned).Authority);
    }

    [Fact]
    public async Task AProtectedUrlWithInjectedHeadersIsCarriedEscapedInTheChallenge()
    {
        var (_, browser, _) = await StepUpReadyAsync();

        using var challenge = await browser.GetAsync("/sensitive?next=%0D%0ASet-Cookie:%20pwned%3D1");

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal("/stepup?returnUrl=%2Fsensitive%3Fnext%3D%250D%250ASet-Cookie%3A%2520pwned%253D1", challenge.Headers.Location!.OriginalString);
        Assert.False(challenge.Headers.Contains("Set-Cookie") && challenge.Headers.GetValues("Set-Cookie").Any(c => c.Contains("pwned", StringComparison.Ordinal)));
    }

    private async Task<(SecurityApp App, BrowserClient Browser, string Phone)> StepUpReadyAsync()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        return (app, await SignedInAsync(app, user), phone);
    }
}

using System.Net;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.Web;

/// <summary>
/// CR/LF and other characters a header cannot carry never reach one: such a return URL is dropped for the app root, no
/// header is split, and the redirect does not fail (regression: U+2028 and non-ASCII letters made the redirect answer 500).
/// </summary>
public sealed class HeaderInjectionTests(SecuritySuite suite) : AttackTest(suite)
{
    [Theory]
    [InlineData("/ok\r\nSet-Cookie: pwned=1")]
    [InlineData("/ok\nSet-Cookie: pwned=1")]
    [InlineData("/ok\u2028Set-Cookie: pwned=1")]
    [InlineData("/ok\u0085Set-Cookie: pwned=1")]
    [InlineData("/caf\u00e9?pwned=1")]
    public async Task ACodeTypedOnThePageWithAnInjectedReturnUrlRedirectsToTheRootWithoutExtraHeaders(string returnUrl)
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var browser = await SignedInAsync(app, user);
        var (_, page) = await browser.GetPageAsync("/stepup?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var (_, codeForm) = await browser.SubmitAsync(page, "#send");

        var (redirect, _) = await browser.SubmitAsync(codeForm, "#verify", new Dictionary<string, string> { ["Code"] = app.Network.LatestCode(phone), ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/", redirect.Headers.Location!.OriginalString);
        Assert.DoesNotContain(Transcript.Exchanges, e => e.Headers.Contains("pwned", StringComparison.Ordinal));
    }
}

using System.Net;
using System.Text;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.Web;

/// <summary>
/// Cross-site requests: the pages' forms need the antiforgery token of this user's session; the JSON API takes only JSON
/// bodies, which a cross-site form cannot send without a CORS preflight. Refused requests send and consume nothing.
/// </summary>
public sealed class AntiforgeryTests(SecuritySuite suite) : AttackTest(suite)
{
    [Fact]
    public async Task APagePostWithoutAToken_OrWithAnotherUsersToken_IsRefusedAndSendsNothing()
    {
        var app = await StartAppAsync();
        var (alice, bob) = (NewUser(), NewUser());
        await AttachPhoneAsync(app, alice, NewPhoneNumber());
        await AttachPhoneAsync(app, bob, NewPhoneNumber());
        var aliceBrowser = await SignedInAsync(app, alice);
        var bobBrowser = await SignedInAsync(app, bob);
        var (_, alicePage) = await aliceBrowser.GetPageAsync("/stepup");
        var (_, bobPage) = await bobBrowser.GetPageAsync("/stepup");
        var bobsToken = bobPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var (withoutToken, _) = await aliceBrowser.SubmitAsync(alicePage, "#send", includeAntiforgery: false);
        var (withBobsToken, _) = await aliceBrowser.SubmitAsync(alicePage, "#send", new Dictionary<string, string> { ["__RequestVerificationToken"] = bobsToken });
        var cookieless = Browser(app); // a cross-site attacker: no cookies of alice's at all
        var (forged, _) = await cookieless.SubmitAsync(alicePage, "#send");

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withBobsToken.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.Empty(app.Network.Attempts);
    }

    [Fact]
    public async Task AVerifyPostWithoutATokenDoesNotConsumeTheCode()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var browser = await SignedInAsync(app, user);
        var (_, page) = await browser.GetPageAsync("/stepup");
        var (_, codeForm) = await browser.SubmitAsync(page, "#send");
        var code = new Dictionary<string, string> { ["Code"] = app.Network.LatestCode(phone) };

        var (refused, _) = await browser.SubmitAsync(codeForm, "#verify", code, includeAntiforgery: false);
        using var stillLocked = await browser.GetApiAsync("/sensitive");
        var (accepted, _) = await browser.SubmitAsync(codeForm, "#verify", code);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "channel=sms")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"channel\"\r\n\r\nsms\r\n--x--\r\n")]
    [InlineData("text/plain", "{\"channel\":\"sms\"}")]
    [InlineData("application/xml", "<channel>sms</channel>")]
    public async Task TheJsonApiRefusesEveryBodyACrossSiteFormCanSend(string contentType, string body)
    {
        var app = await StartAppAsync();
        var user = NewUser();
        await AttachPhoneAsync(app, user, NewPhoneNumber());
        var browser = await SignedInAsync(app, user);

        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await browser.Http.PostAsync("/stepup/api/challenges", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(app.Network.Attempts);
    }
}

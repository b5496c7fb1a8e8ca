using Microsoft.Extensions.DependencyInjection;
using System.Net;
using StepUp.OpenIdConnect.Tests.Infrastructure;

namespace StepUp.OpenIdConnect.Tests.Redirect;

/// <summary>B2C dialect end to end: the app and the development directory over real HTTP.</summary>
public sealed class B2CPolicyStepUpTests(DirectoryFixture fixture)
{
    private DevelopmentDirectory.DevelopmentDirectory Directory => fixture.Directory;

    [Fact]
    public async Task StepUpGoesToTheMfaPolicyAsksOnlyForThePhoneAndLaterRequestsDoNotBounce()
    {
        await using var app = await RelyingParty.StartAsync(Directory);
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: true);
        await Flows.SignInAsync(browser, app, account);

        var phoneStep = await browser.GetAsync(app.Url("/transfer"));

        Assert.Equal("Verify your phone", phoneStep.Title);
        Assert.False(phoneStep.HasField("password"));
        Assert.Contains(browser.Visited, u => Flows.IsAuthorize(u) && u.AbsolutePath.Contains("/B2C_1_SiIn_MFA/", StringComparison.Ordinal));
        var transfer = await Flows.VerifyPhoneAsync(browser, Directory, phoneStep, account.PhoneNumber);
        Assert.Equal(HttpStatusCode.OK, transfer.Status);
        Assert.Equal(app.Url("/transfer"), transfer.Url);
        Assert.Equal("Transfer form", transfer.Html);

        var visitsBefore = browser.Visited.Count;
        var again = await browser.GetAsync(app.Url("/transfer"));
        Assert.Equal("Transfer form", again.Html);
        Assert.Equal(visitsBefore + 1, browser.Visited.Count);
    }

    [Fact]
    public async Task ThePolicyCanBeNamedWithPInsteadOfAPathSegment()
    {
        await using var app = await RelyingParty.StartAsync(Directory, s => s.QueryStylePolicy = true);
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: true);
        await Flows.SignInAsync(browser, app, account);

        var phoneStep = await browser.GetAsync(app.Url("/transfer"));
        var transfer = await Flows.VerifyPhoneAsync(browser, Directory, phoneStep, account.PhoneNumber);

        Assert.Contains(browser.Visited, u => Flows.IsAuthorize(u) && u.Query.Contains("p=B2C_1_SiIn_MFA", StringComparison.Ordinal));
        Assert.Equal("Transfer form", transfer.Html);
    }

    [Fact]
    public async Task ACodeFromThePolicyWithoutMfaCannotBePassedOffForTheMfaPolicy()
    {
        await using var app = await RelyingParty.StartAsync(Directory);
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: true);
        await Flows.SignInAsync(browser, app, account);
        var signInRoundTrips = browser.CountVisits(Flows.IsAuthorize);

        // The attacker edits the authorize URL of the step-up challenge to the policy without MFA.
        browser.RewriteRedirect = u => Flows.IsAuthorize(u)
            ? new Uri(u.AbsoluteUri.Replace("/B2C_1_SiIn_MFA/", "/B2C_1_SiIn/", StringComparison.Ordinal))
            : u;
        var result = await browser.GetAsync(app.Url("/transfer"));

        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Equal("Verification not completed", result.Title);
        Assert.Equal(signInRoundTrips + 1, browser.CountVisits(Flows.IsAuthorize));
        browser.RewriteRedirect = null;
        var stillLocked = await browser.GetAsync(app.Url("/transfer"));
        Assert.Equal("Verify your phone", stillLocked.Title);
    }

    [Fact]
    public async Task ATokenFromAPolicyOutsideTheAllowListIsRejectedAfterOneRoundTripWithoutALoop()
    {
        // Misconfigured challenge: the directory keeps answering with the policy without MFA.
        await using var app = await RelyingParty.StartAsync(Directory, s =>
        {
            s.MfaPolicy = "B2C_1_SignUpSignIn";
            s.AllowedMfaPolicies.Add("B2C_1_SiIn_MFA");
        });
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: true);
        await Flows.SignInAsync(browser, app, account);
        var signInRoundTrips = browser.CountVisits(Flows.IsAuthorize);

        var result = await browser.GetAsync(app.Url("/transfer"));

        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Equal("Phone verification not confirmed", result.Title);
        Assert.Equal(signInRoundTrips + 1, browser.CountVisits(Flows.IsAuthorize));
        var account2 = await browser.GetAsync(app.Url("/account"));
        Assert.Equal(HttpStatusCode.OK, account2.Status);
    }

    [Fact]
    public async Task AStepUpWhoseAuthTimeIsOlderThanMaxAgeIsRejected()
    {
        await using var app = await RelyingParty.StartAsync(Directory);
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: true);
        await Flows.SignInAsync(browser, app, account);
        var phoneStep = await browser.GetAsync(app.Url("/transfer"));
        await Flows.VerifyPhoneAsync(browser, Directory, phoneStep, account.PhoneNumber);

        // Fifteen minutes later by the app's clock, a ten-minute requirement needs a fresh verification; the directory's SSO
        // session answers with the earlier one.
        app.Settings.Time.Advance(TimeSpan.FromMinutes(15));
        var roundTrips = browser.CountVisits(Flows.IsAuthorize);
        var result = await browser.GetAsync(app.Url("/transfer"));

        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Equal("Verification too old", result.Title);
        Assert.Equal(roundTrips + 1, browser.CountVisits(Flows.IsAuthorize));
    }

    [Fact]
    public async Task CancellingThePhoneStepShowsTheCancelledPageAndAttachesNothing()
    {
        await using var app = await RelyingParty.StartAsync(Directory);
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: false);
        await Flows.SignInAsync(browser, app, account);
        var phoneStep = await browser.GetAsync(app.Url("/transfer"));
        Assert.Equal("Add a phone number", phoneStep.Title);
        var codeForm = await browser.SubmitAsync(phoneStep, "Send code", new Dictionary<string, string> { ["phone"] = account.PhoneNumber });

        var cancelled = await browser.SubmitAsync(codeForm, "Cancel");

        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        Assert.Equal("Verification cancelled", cancelled.Title);
        Assert.Equal("/stepup/directory", cancelled.Url.AbsolutePath);
        Assert.Null(await Directory.Services.GetRequiredService<StepUp.AspNetCore.Store.IStepUpStore>().GetVerifiedPhoneAsync(account.Id, TestContext.Current.CancellationToken));
        var stillLocked = await browser.GetAsync(app.Url("/transfer"));
        Assert.Equal("Add a phone number", stillLocked.Title);
    }

    [Fact]
    public async Task TheStepUpClaimsSurviveIntoTheSessionWithoutInboundClaimMapping()
    {
        await using var app = await RelyingParty.StartAsync(Directory, s => s.MapInboundClaims = false);
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: true);
        await Flows.SignInAsync(browser, app, account);
        var phoneStep = await browser.GetAsync(app.Url("/transfer"));
        await Flows.VerifyPhoneAsync(browser, Directory, phoneStep, account.PhoneNumber);

        var claims = (await browser.GetAsync(app.Url("/claims"))).Html;

        Assert.Contains("[\"tfp\",\"B2C_1_SiIn_MFA\"]", claims, StringComparison.Ordinal);
        Assert.Contains("[\"amr\",\"mfa\"]", claims, StringComparison.Ordinal);
        Assert.Contains("[\"amr\",\"sms\"]", claims, StringComparison.Ordinal);
        Assert.Contains("[\"auth_time\",", claims, StringComparison.Ordinal);
        Assert.Equal("Transfer form", (await browser.GetAsync(app.Url("/transfer"))).Html);
    }
}

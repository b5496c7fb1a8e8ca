using System.Net;
using StepUp.OpenIdConnect.Tests.Infrastructure;

namespace StepUp.OpenIdConnect.Tests.Redirect;

/// <summary>Standard OIDC dialect end to end: <c>acr_values</c> + <c>max_age</c> on the same authority.</summary>
public sealed class AcrValuesStepUpTests(DirectoryFixture fixture)
{
    private DevelopmentDirectory.DevelopmentDirectory Directory => fixture.Directory;

    [Fact]
    public async Task StepUpAsksForAcrValuesAndMaxAgeAndTheSessionKeepsIt()
    {
        var appTokenValidatedCalls = 0;
        await using var app = await RelyingParty.StartAsync(Directory, s =>
        {
            s.Dialect = DirectoryDialect.AcrValues;
            s.Events.OnTokenValidated = _ =>
            {
                appTokenValidatedCalls++;
                return Task.CompletedTask;
            };
        });
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: true);
        await Flows.SignInAsync(browser, app, account);

        var phoneStep = await browser.GetAsync(app.Url("/transfer"));
        var challenge = browser.Visited.Last(Flows.IsAuthorize);
        var transfer = await Flows.VerifyPhoneAsync(browser, Directory, phoneStep, account.PhoneNumber);

        Assert.Contains("/B2C_1_SiIn/", challenge.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("acr_values=phone-mfa", challenge.Query, StringComparison.Ordinal);
        Assert.Contains("max_age=600", challenge.Query, StringComparison.Ordinal);
        Assert.Equal("Transfer form", transfer.Html);
        Assert.Equal(2, appTokenValidatedCalls); // the app's own handler still runs, for the sign-in and the step-up
        var visits = browser.Visited.Count;
        Assert.Equal("Transfer form", (await browser.GetAsync(app.Url("/transfer"))).Html);
        Assert.Equal(visits + 1, browser.Visited.Count);
    }

    [Fact]
    public async Task ADirectoryThatIgnoresAcrValuesGetsOneRoundTripAndAClearMessageNotALoop()
    {
        await using var deaf = await DirectoryFixture.StartDirectoryAsync(o => o.HonourAcrValues = false);
        await using var app = await RelyingParty.StartAsync(deaf, s => s.Dialect = DirectoryDialect.AcrValues);
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(deaf, withPhone: true);
        await Flows.SignInAsync(browser, app, account);
        var roundTrips = browser.CountVisits(Flows.IsAuthorize);

        var result = await browser.GetAsync(app.Url("/transfer"));

        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Equal("Phone verification not confirmed", result.Title);
        Assert.Equal(roundTrips + 1, browser.CountVisits(Flows.IsAuthorize));
        Assert.Contains(result.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/transfer" && a.TextContent == "Try again");
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StepUp.AspNetCore.Development;
using StepUp.Testing.Hosting;

namespace BankingApp.Tests;

public sealed class BankingAppTests
{
    private static async Task<BrowserClient> SignInAsync(WebApplicationFactory<Program> app, string user)
    {
        var browser = new BrowserClient(app.Server.CreateHandler(), new Uri("http://localhost/"));
        var (_, page) = await browser.GetPageAsync("/Account/SignIn");
        var (response, _) = await browser.SubmitAsync(page, $"#sign-in-{user}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    [Fact]
    public async Task BalancesNeedOnlyASignIn()
    {
        await using var app = new WebApplicationFactory<Program>();
        using var browser = await SignInAsync(app, "alice");

        var (response, page) = await browser.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("EUR 2,450.75", page.QuerySelector("[data-testid=balance]")!.TextContent);
    }

    [Fact]
    public async Task ATransferAsksForThePhoneAndGoesThroughAfterVerification()
    {
        await using var app = new WebApplicationFactory<Program>();
        using var browser = await SignInAsync(app, "alice");

        var challenge = await browser.GetAsync("/Transfers/New");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal("/stepup?returnUrl=%2FTransfers%2FNew", challenge.Headers.Location!.OriginalString);

        var (_, stepUp) = await browser.FollowAsync("/Transfers/New");
        Assert.Equal("+31 • ••••••34", stepUp.QuerySelector("#masked-phone")!.TextContent);
        var (_, codePage) = await browser.SubmitAsync(stepUp, "#send");
        var code = app.Services.GetRequiredService<DevelopmentOutbox>().LatestTo("+31612345634")!.Code!;
        var (verified, _) = await browser.SubmitAsync(codePage, "#verify", new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal("/Transfers/New", verified.Headers.Location!.OriginalString);

        var (_, form) = await browser.GetPageAsync("/Transfers/New");
        var (sent, done) = await browser.SubmitAsync(form, "#send-transfer", new Dictionary<string, string>
        {
            ["PayeeName"] = "Landlord",
            ["PayeeIban"] = "NL91ABNA0417164300",
            ["Amount"] = "500.00",
        });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("EUR 500.00 to Landlord", done.QuerySelector("#transfer-done")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDevelopmentSignInDoesNotExistOutsideDevelopment()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Staging")
            .ConfigureTestServices(s => s.AddStepUp().AddDevelopmentOutbox()));
        using var browser = new BrowserClient(app.Server.CreateHandler(), new Uri("http://localhost/"));

        var (response, _) = await browser.GetPageAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task InProductionTheSampleRefusesToStartWithoutARealPhoneChannel()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var error = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains("AddVonage()", error.Message, StringComparison.Ordinal);
    }
}

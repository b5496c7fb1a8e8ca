using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

    private static async Task<(string ConfirmUrl, AngleSharp.Html.Dom.IHtmlDocument Page)> NewTransferAsync(BrowserClient browser, string amount = "500.00")
    {
        var (_, form) = await browser.GetPageAsync("/Transfers/New");
        var (created, _) = await browser.SubmitAsync(form, "#review-transfer", new Dictionary<string, string>
        {
            ["PayeeName"] = "Landlord",
            ["PayeeIban"] = "NL91 ABNA 0417 1643 00",
            ["Amount"] = amount,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var (_, page) = await browser.GetPageAsync(url);
        return (url, page);
    }

    private static string Code(WebApplicationFactory<Program> app) =>
        app.Services.GetRequiredService<DevelopmentOutbox>().LatestTo("+31612345634")!.Code!;

    [Fact]
    public async Task ATransferIsConfirmedWithACodeForExactlyThatTransferAndMovesMoneyOnce()
    {
        await using var app = new WebApplicationFactory<Program>();
        using var browser = await SignInAsync(app, "alice");
        var (confirmUrl, confirm) = await NewTransferAsync(browser);

        var (challenge, _) = await browser.SubmitAsync(confirm, "#confirm-transfer");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var (_, stepUp) = await browser.FollowAsync(challenge.Headers.Location!.OriginalString);
        Assert.Equal("send EUR 500.00 to NL91 ••• 4300", stepUp.QuerySelector("#approving")!.TextContent);
        var (_, codePage) = await browser.SubmitAsync(stepUp, "#send");
        var text = app.Services.GetRequiredService<DevelopmentOutbox>().LatestTo("+31612345634")!.Text;
        Assert.Contains("to send EUR 500.00 to NL91 ••• 4300", text, StringComparison.Ordinal);
        var (verified, _) = await browser.SubmitAsync(codePage, "#verify", new Dictionary<string, string> { ["Code"] = Code(app) });
        Assert.Equal(confirmUrl, verified.Headers.Location!.OriginalString);

        var (_, approved) = await browser.GetPageAsync(confirmUrl);
        var (first, done) = await browser.SubmitAsync(approved, "#confirm-transfer");
        var (second, _) = await browser.SubmitAsync(approved, "#confirm-transfer");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("EUR 500.00 to Landlord", done.QuerySelector("#transfer-done")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var (_, home) = await browser.GetPageAsync("/");
        Assert.Equal("EUR 1,950.75", home.QuerySelector("[data-testid=balance]")!.TextContent);
    }

    [Fact]
    public async Task ChangingTheAmountAfterTheCodeWasSentNeedsANewCode()
    {
        await using var app = new WebApplicationFactory<Program>();
        using var browser = await SignInAsync(app, "alice");
        var (confirmUrl, confirm) = await NewTransferAsync(browser, "10.00");
        var (challenge, _) = await browser.SubmitAsync(confirm, "#confirm-transfer");
        var (_, stepUp) = await browser.FollowAsync(challenge.Headers.Location!.OriginalString);
        var (_, codePage) = await browser.SubmitAsync(stepUp, "#send");
        await browser.SubmitAsync(codePage, "#verify", new Dictionary<string, string> { ["Code"] = Code(app) });

        var id = confirmUrl.Split('/')[^1];
        var (_, edit) = await browser.GetPageAsync($"/Transfers/New?edit={id}");
        await browser.SubmitAsync(edit, "#review-transfer", new Dictionary<string, string> { ["Amount"] = "2000.00" });
        var (_, changed) = await browser.GetPageAsync(confirmUrl);
        Assert.Equal("EUR 2,000.00", changed.QuerySelector("#amount")!.TextContent);
        var (response, _) = await browser.SubmitAsync(changed, "#confirm-transfer");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/stepup?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var (_, home) = await browser.GetPageAsync("/");
        Assert.Equal("EUR 2,450.75", home.QuerySelector("[data-testid=balance]")!.TextContent);
    }

    [Fact]
    public async Task TheJsonApiAnswersRfc9470AndExecutesAfterApproval()
    {
        await using var app = new WebApplicationFactory<Program>();
        using var browser = new BrowserClient(app.Server.CreateHandler(), new Uri("http://localhost/"));
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostJsonAsync("/dev/api/sign-in", new { user = "alice" })).StatusCode);

        var created = await browser.PostJsonAsync("/api/transfers", new { payeeName = "Landlord", payeeIban = "NL91ABNA0417164300", amount = "500.00" });
        var confirm = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("confirm").GetString()!;
        var challenge = await browser.PostJsonAsync(confirm, new { });
        Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        Assert.StartsWith("Bearer error=\"insufficient_user_authentication\"", challenge.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var ticket = (await challenge.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("transaction").GetString();

        var started = await browser.PostJsonAsync("/stepup/api/challenges", new { channel = "sms", transaction = ticket });
        var challengeId = (await started.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("challengeId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await browser.PostJsonAsync("/stepup/api/challenges/verify", new { challengeId, code = Code(app) })).StatusCode);

        var executed = await browser.PostJsonAsync(confirm, new { });
        Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
        Assert.True((await (await browser.PostJsonAsync(confirm, new { })).Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("alreadyExecuted").GetBoolean());
    }

    [Fact]
    public async Task TheSecurityFolderNeedsARecentStepUp()
    {
        await using var app = new WebApplicationFactory<Program>();
        using var browser = await SignInAsync(app, "alice");

        var response = await browser.GetAsync("/Security");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/stepup?returnUrl=%2FSecurity", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheDevelopmentSignInDoesNotExistOutsideDevelopment()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Staging")
            .UseSetting("ConnectionStrings:Redis", "127.0.0.1:1") // never contacted by this request
            .ConfigureTestServices(s => s.AddStepUp().AddDevelopmentOutbox()));
        using var browser = new BrowserClient(app.Server.CreateHandler(), new Uri("http://localhost/"));

        var (response, _) = await browser.GetPageAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task InProductionTheSampleRefusesToStartWithoutRedis()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("ConnectionStrings:Redis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProductionWithRedisTheSampleStillRefusesTheDevelopmentOutbox()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("ConnectionStrings:Redis", "127.0.0.1:1"));

        var error = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains("AddVonage()", error.Message, StringComparison.Ordinal);
    }
}

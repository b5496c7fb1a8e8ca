using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StepUp.DevelopmentDirectory;

namespace BankingApp.Tests;

/// <summary>
/// What needs no signed-in user: where the sample sends visitors and API callers, and when it refuses to start. Everything
/// behind the directory's sign-in is driven in real Chromium by Samples.BrowserTests.
/// </summary>
public sealed class BankingAppTests
{
    private static WebApplicationFactory<Program> Development() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("DevelopmentDirectory:Origin", "http://127.0.0.1:0"));

    private static HttpClient Client(WebApplicationFactory<Program> app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task AVisitorIsSentToTheDevelopmentDirectoryToSignIn()
    {
        await using var app = Development();
        using var client = Client(app);

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var directory = app.Services.GetRequiredService<DevelopmentDirectory>();
        var location = response.Headers.Location!;
        Assert.Equal(new Uri(directory.Origin, $"{directory.Tenant}/B2C_1_SignUpSignIn/oauth2/v2.0/authorize"), new Uri(location.GetLeftPart(UriPartial.Path)));
        Assert.Contains("client_id=banking-app", location.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApiCallWithoutASessionIsAnswered401InsteadOfARedirect()
    {
        await using var app = Development();
        using var client = Client(app);

        var balance = await client.GetAsync("/api/balance", TestContext.Current.CancellationToken);
        var status = await client.GetAsync("/stepup/api/status", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, balance.StatusCode);
        Assert.Null(balance.Headers.Location);
        Assert.Equal(HttpStatusCode.Unauthorized, status.StatusCode);
    }

    [Fact]
    public async Task TheSignedOutPageNeedsNoSignIn()
    {
        await using var app = Development();
        using var client = Client(app);

        var response = await client.GetAsync("/Account/SignedOut", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sign in again", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public void OutsideDevelopmentTheSampleRefusesToStartWithoutADirectory(string environment)
    {
        using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment(environment));

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Directory:Authority is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InProductionTheSampleRefusesToStartWithoutRedis()
    {
        using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Directory:Authority", "https://login.example/contoso.onmicrosoft.com/B2C_1_SignUpSignIn/v2.0/"));

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("ConnectionStrings:Redis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InProductionWithRedisTheSampleStillRefusesTheDevelopmentOutbox()
    {
        using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Directory:Authority", "https://login.example/contoso.onmicrosoft.com/B2C_1_SignUpSignIn/v2.0/")
            .UseSetting("ConnectionStrings:Redis", "127.0.0.1:1"));

        var error = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains("AddVonage()", error.Message, StringComparison.Ordinal);
    }
}

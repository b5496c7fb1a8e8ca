using System.Net;
using StepUp.Testing.Hosting;

namespace StepUp.AspNetCore.Tests.Authorization;

public sealed class StepUpChallengeTests
{
    [Fact]
    public async Task AnonymousUsersGetTheNormalSignInChallengeNotAStepUp()
    {
        await using var app = await StepUpTestApp.StartAsync();
        using var browser = app.CreateBrowser();

        var response = await browser.GetAsync("/sensitive");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/test/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserRequestsAreRedirectedToTheStepUpPageWithALocalReturnUrl()
    {
        await using var app = await StepUpTestApp.StartAsync();
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        var response = await browser.GetAsync("/sensitive?x=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/stepup?returnUrl=%2Fsensitive%3Fx%3D1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ApiRequestsGetRfc9470ChallengeWithProblemDetails()
    {
        await using var app = await StepUpTestApp.StartAsync(configure => { }, services => services.Configure<StepUpOptions>(o => o.DefaultMaxAge = TimeSpan.FromMinutes(5)));
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/transfers");
        request.Headers.Accept.ParseAdd("application/json");

        var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            "Bearer error=\"insufficient_user_authentication\", error_description=\"A phone verification (text message or voice call) is required\", acr_values=\"phone-mfa\", max_age=300",
            Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("insufficient_user_authentication", problem.GetProperty("error").GetString());
        Assert.Equal(300, problem.GetProperty("max_age").GetInt32());
        Assert.Equal("/stepup/api/challenges", problem.GetProperty("challenge_endpoint").GetString());
    }

    [Fact]
    public async Task BearerRequestsAreTreatedAsApiRequests()
    {
        await using var app = await StepUpTestApp.StartAsync();
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sensitive");
        request.Headers.Authorization = new("Bearer", "not-used-by-the-cookie-scheme");

        var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("insufficient_user_authentication", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailureOfAnotherPolicyStaysAPlain403WithoutStepUp()
    {
        await using var app = await StepUpTestApp.StartAsync();
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        var response = await browser.GetAsync("/admin/sensitive");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndpointsWithoutTheRequirementAreUntouched()
    {
        await using var app = await StepUpTestApp.StartAsync();
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        Assert.Equal("public", await (await browser.GetAsync("/public")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("account", await (await browser.GetAsync("/account")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

using System.Net;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.Replay;

/// <summary>Skipping steps: protected endpoints, the verify endpoint and the pages called without what should come first.</summary>
public sealed class DirectCallTests(SecuritySuite suite) : AttackTest(suite)
{
    [Fact]
    public async Task ProtectedEndpointsCalledDirectlyAnswerWithTheChallengeNeverTheContent()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        await AttachPhoneAsync(app, user, NewPhoneNumber());
        var browser = await SignedInAsync(app, user);
        var anonymous = Browser(app);

        using var page = await browser.GetAsync("/sensitive");
        using var api = await browser.GetApiAsync("/sensitive");
        using var transfer = await browser.PostJsonAsync("/api/transfers", new { amount = 1 });
        using var anonymousPage = await anonymous.GetAsync("/sensitive");
        using var anonymousApi = await anonymous.PostJsonAsync("/api/transfers", new { amount = 1 });

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/stepup?returnUrl=%2Fsensitive", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains("insufficient_user_authentication", api.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, transfer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymousPage.StatusCode);
        Assert.StartsWith("/test/login", anonymousPage.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, anonymousApi.StatusCode);
        Assert.DoesNotContain("insufficient_user_authentication", anonymousApi.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVerifyEndpointWithoutASentCodeGrantsNothingAndCountsNothing()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        await AttachPhoneAsync(app, user, NewPhoneNumber());
        var browser = await SignedInAsync(app, user);
        var anonymous = Browser(app);

        var statuses = new List<HttpStatusCode>();
        foreach (var id in new[] { "made-up", new string('A', 22), "" })
        {
            using var response = await browser.VerifyAsync(id, "12345678");
            statuses.Add(response.StatusCode);
        }

        using var anonymousVerify = await anonymous.VerifyAsync("made-up", "12345678");
        using var sensitive = await browser.GetApiAsync("/sensitive");
        var challengeId = await browser.StartCodeAsync();
        using var firstWrong = await browser.VerifyAsync(challengeId, "00000000");

        Assert.Equal([HttpStatusCode.Gone, HttpStatusCode.Gone, HttpStatusCode.BadRequest], statuses);
        Assert.NotEqual(HttpStatusCode.OK, anonymousVerify.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, sensitive.StatusCode);
        Assert.Equal(4, (await firstWrong.JsonAsync()).GetProperty("attemptsLeft").GetInt32()); // nothing was counted before
    }

    [Fact]
    public async Task ADirectorySessionWithoutFreshMfaClaimsDoesNotOpenAProtectedEndpoint()
    {
        var app = await StartAppAsync();
        var now = app.Time.GetUtcNow().ToUnixTimeSeconds();
        var results = new List<HttpStatusCode>();
        foreach (var query in new[] { $"amr=pwd&authTime={now}", $"amr=mfa&authTime={now - 1200}", "amr=mfa", $"amr=MFA-ish&authTime={now}", $"amr=mfa&authTime={now}" })
        {
            var browser = Browser(app);
            (await browser.GetAsync($"/test/sign-in/{NewUser()}?{query}")).Dispose();
            using var response = await browser.GetApiAsync("/sensitive");
            results.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK], results);
    }
}

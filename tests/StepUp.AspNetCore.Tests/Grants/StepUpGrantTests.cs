using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using StepUp.AspNetCore.Store;
using StepUp.Testing.Hosting;

namespace StepUp.AspNetCore.Tests.Grants;

public sealed class StepUpGrantTests
{
    [Fact]
    public async Task AGrantLastsMaxAgeAndThenTheUserIsAskedAgain()
    {
        await using var app = await StepUpTestApp.StartAsync(endpoints: e => e.MapGet("/short", () => "short").RequirePhoneMfa(maxAge: TimeSpan.FromMinutes(2)));
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        await browser.StepUpAsync(app, StepUpApi.AlicePhone);

        app.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/short")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/sensitive")).StatusCode);

        app.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/short")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/sensitive")).StatusCode);

        app.Time.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/sensitive")).StatusCode);
    }

    [Fact]
    public async Task TheSessionGetsAmrAndStepUpTimeClaims()
    {
        await using var app = await StepUpTestApp.StartAsync(endpoints: e => e.MapGet("/claims", (ClaimsPrincipal user) =>
            string.Join(",", user.Claims.Where(c => c.Type is "amr" or "stepup_time").Select(c => c.Type + "=" + c.Value))));
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        await browser.StepUpAsync(app, StepUpApi.AlicePhone, channel: "voice");

        var claims = await (await browser.GetAsync("/claims")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal($"amr=mfa,amr=tel,stepup_time={app.Time.GetUtcNow().ToUnixTimeSeconds()}", claims);
    }

    [Fact]
    public async Task SignOutEndsTheGrantEvenForACopyOfTheCookie()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        await browser.StepUpAsync(app, StepUpApi.AlicePhone);
        var stolenCookie = browser.Cookies.GetCookieHeader(new Uri("http://localhost/"));

        await browser.GetAsync("/test/sign-out");

        using var thief = app.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sensitive");
        request.Headers.Add("Cookie", stolenCookie);
        var response = await thief.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/stepup", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGrantOfOneSessionDoesNotCoverAnotherSessionOfTheSameUser()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var laptop = await app.SignedInBrowserAsync(StepUpApi.Alice);
        using var phone = await app.SignedInBrowserAsync(StepUpApi.Alice);

        await laptop.StepUpAsync(app, StepUpApi.AlicePhone);

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/sensitive")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/sensitive")).StatusCode);
    }

    [Fact]
    public async Task FreshDirectoryMfaClaimsSatisfyTheRequirementWithoutAStepUp()
    {
        await using var app = await StepUpTestApp.StartAsync(
            services: s => s.Configure<StepUpOptions>(o => o.DirectoryMfaPolicies.Add("B2C_1_SiIn_MFA")),
            endpoints: e => e.MapGet("/test/directory-sign-in", async (HttpContext context, string amr, string tfp, long authTime) =>
            {
                var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "dora"), new("tfp", tfp, ClaimValueTypes.String, "https://directory.example/") };
                if (amr.Length > 0)
                {
                    claims.Add(new Claim("amr", amr, ClaimValueTypes.String, "https://directory.example/"));
                }

                claims.Add(new Claim("auth_time", authTime.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64, "https://directory.example/"));
                await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc")));
            }));
        var now = app.Time.GetUtcNow().ToUnixTimeSeconds();

        async Task<HttpStatusCode> Visit(string amr, string tfp, long authTime)
        {
            using var browser = app.CreateBrowser();
            await browser.GetAsync($"/test/directory-sign-in?amr={amr}&tfp={tfp}&authTime={authTime}");
            return (await browser.GetAsync("/sensitive")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Visit("mfa", "B2C_1_SiIn", now - 60));
        Assert.Equal(HttpStatusCode.OK, await Visit("", "B2C_1_SiIn_MFA", now - 60));
        Assert.Equal(HttpStatusCode.Redirect, await Visit("pwd", "B2C_1_SiIn", now - 60));
        Assert.Equal(HttpStatusCode.Redirect, await Visit("mfa", "B2C_1_SiIn_MFA", now - 3600));
    }

    [Fact]
    public async Task StepUpsOwnAmrClaimsAreNotMistakenForDirectoryMfaAfterTheGrantIsRevoked()
    {
        await using var app = await StepUpTestApp.StartAsync(endpoints: e => e.MapGet("/test/sid", (ClaimsPrincipal user) => user.FindFirst("stepup_sid")!.Value));
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        await browser.StepUpAsync(app, StepUpApi.AlicePhone);
        var store = app.Services.GetRequiredService<IStepUpStore>();

        // Revoke the session's grant behind the cookie's back (as a sign-out elsewhere would); the cookie keeps amr=mfa.
        foreach (var sid in await ReadSessionIdsAsync(browser))
        {
            await store.RevokeGrantsAsync(StepUpApi.Alice, sid, TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/sensitive")).StatusCode);
    }

    private static async Task<IEnumerable<string>> ReadSessionIdsAsync(BrowserClient browser)
    {
        var status = await (await browser.GetAsync("/stepup/api/status")).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Object, status.GetProperty("stepUp").ValueKind);
        return [await browser.Http.GetStringAsync("/test/sid", TestContext.Current.CancellationToken)];
    }
}

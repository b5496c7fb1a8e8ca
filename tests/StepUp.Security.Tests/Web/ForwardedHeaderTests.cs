using System.Net;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.Web;

/// <summary>
/// The per-address send limit counts the connection's address: forged <c>X-Forwarded-For</c>, <c>X-Real-IP</c> and
/// <c>Forwarded</c> headers do not give an attacker fresh addresses (the app configured no forwarded-headers middleware).
/// </summary>
public sealed class ForwardedHeaderTests(SecuritySuite suite) : AttackTest(suite)
{
    [Fact]
    public async Task ForgedForwardingHeadersDoNotGetAroundThePerAddressLimit()
    {
        var app = await StartAppAsync();
        var browsers = new List<StepUp.Testing.Hosting.BrowserClient>();
        for (var i = 0; i < 25; i++)
        {
            var browser = await SignedInAsync(app, NewUser());
            var forged = $"203.0.113.{i + 1}";
            browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forged);
            browser.Http.DefaultRequestHeaders.Add("X-Real-IP", forged);
            browser.Http.DefaultRequestHeaders.Add("Forwarded", "for=" + forged);
            browsers.Add(browser);
        }

        var statuses = new List<HttpStatusCode>();
        foreach (var browser in browsers)
        {
            using var response = await browser.StartAsync(phoneNumber: NewPhoneNumber());
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 20).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5)), statuses);
        Assert.Equal(20, app.Network.Attempts.Count);
    }
}

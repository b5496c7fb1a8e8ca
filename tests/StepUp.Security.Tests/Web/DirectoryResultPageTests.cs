using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.Web;

/// <summary>
/// Redirect mode: the result page that explains a refused directory step-up takes its "Try again" link from the query
/// string, so it must never link off the site, whatever the link says.
/// </summary>
public sealed class DirectoryResultPageTests(SecuritySuite suite)
{
    [Theory]
    [MemberData(nameof(OpenRedirectTests.OffSite), MemberType = typeof(OpenRedirectTests))]
    public async Task TheResultPageLinksOnlyToTheSiteWhateverReturnUrlItIsGiven(string returnUrl)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRouting();
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = "oidc";
            })
            .AddCookie()
            .AddOpenIdConnect("oidc", o =>
            {
                o.Authority = "http://127.0.0.1:9/stepupdev.onmicrosoft.com/B2C_1_SiIn/v2.0/"; // never contacted by this test
                o.RequireHttpsMetadata = false;
                o.ClientId = "relying-party";
            });
        builder.Services.AddAuthorization();
        builder.Services.AddStepUp(o => o.Mode = StepUpMode.DirectoryRedirect)
            .AddRedisStore(o =>
            {
                o.Configuration = suite.Redis.EndPoint;
                o.KeyPrefix = "r" + Guid.NewGuid().ToString("N")[..12] + ":";
            })
            .AddOpenIdConnectRedirect("oidc", o => o.MfaPolicy = "B2C_1_SiIn_MFA");
        builder.Services.Replace(ServiceDescriptor.Singleton<IPhoneChannel>(new PhoneNetwork(suite.Ledger)));
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", () => "home");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(origin) };

        using var page = await client.GetAsync("/stepup/directory?outcome=not-verified&returnUrl=" + Uri.EscapeDataString(returnUrl), TestContext.Current.CancellationToken);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal("Phone verification not confirmed", document.QuerySelector("h1")?.TextContent);
        Assert.All(document.QuerySelectorAll("a"), a => Assert.Equal("/", a.GetAttribute("href")));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using StepUp.AspNetCore;
using StepUp.DevelopmentDirectory;

namespace StepUp.OpenIdConnect.Tests.Infrastructure;

/// <summary>
/// A relying party on Kestrel (127.0.0.1, free port): cookie session, OpenID Connect scheme <c>oidc</c> (code flow + PKCE)
/// against the development directory over real HTTP (RequireHttpsMetadata=false: loopback development directory only),
/// StepUp in DirectoryRedirect mode. <c>/transfer</c> requires phone MFA; <c>/claims</c> shows the session's claims.
/// </summary>
internal sealed class RelyingParty : IAsyncDisposable
{
    public const string Scheme = "oidc";
    private readonly WebApplication _app;

    private RelyingParty(WebApplication app, Uri origin, RelyingPartySettings settings)
    {
        _app = app;
        Origin = origin;
        Settings = settings;
    }

    public Uri Origin { get; }

    public RelyingPartySettings Settings { get; }

    public Uri Url(string path) => new(Origin, path);

    public static async ValueTask<RelyingParty> StartAsync(DevelopmentDirectory.DevelopmentDirectory directory, Action<RelyingPartySettings>? configure = null)
    {
        var settings = new RelyingPartySettings();
        configure?.Invoke(settings);
        var clientId = "rp-" + RandomNumberGenerator.GetHexString(8, lowercase: true);
        var secret = RandomNumberGenerator.GetHexString(32);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        if (Environment.GetEnvironmentVariable("STEPUP_TEST_LOGS") == "1")
        {
            builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
        }

        builder.Services.AddSingleton<TimeProvider>(settings.Time);
        builder.Services.AddRouting();
        builder.Services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddCookie(o => o.Cookie.Name = ".rp.session")
            .AddOpenIdConnect(Scheme, o =>
            {
                var authority = directory.Authority(settings.SignInPolicy).AbsoluteUri;
                if (settings.QueryStylePolicy)
                {
                    o.MetadataAddress = new Uri(directory.Origin, $"{directory.Tenant}/v2.0/.well-known/openid-configuration?p={settings.SignInPolicy}").AbsoluteUri;
                }
                else
                {
                    o.Authority = authority;
                }

                // Loopback HTTP in tests only: the development directory's metadata, and the correlation and nonce cookies
                // (Secure by default) must travel without TLS.
                o.RequireHttpsMetadata = false;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ClientId = clientId;
                o.ClientSecret = secret;
                o.ResponseType = "code";
                o.MapInboundClaims = settings.MapInboundClaims;
                o.Events = settings.Events;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddStepUp(o => o.Mode = StepUpMode.DirectoryRedirect)
            .AddDevelopmentOutbox()
            .AddOpenIdConnectRedirect(Scheme, o =>
            {
                o.Dialect = settings.Dialect;
                o.MfaPolicy = settings.MfaPolicy;
                foreach (var policy in settings.AllowedMfaPolicies)
                {
                    o.AllowedMfaPolicies.Add(policy);
                }
            });

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", () => "home");
        app.MapGet("/account", (ClaimsPrincipal user) => "Account of " + user.FindFirst("name")?.Value).RequireAuthorization();
        app.MapGet("/transfer", () => "Transfer form").RequireAuthorization().RequirePhoneMfa(settings.MaxAge);
        app.MapGet("/claims", (ClaimsPrincipal user) => Microsoft.AspNetCore.Http.Results.Json(user.Claims.Select(c => new[] { c.Type, c.Value }))).RequireAuthorization();
        app.MapGet("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return "signed out";
        });
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var origin = new Uri(address + "/");
        await directory.RegisterClientAsync(new DevelopmentDirectoryClient
        {
            ClientId = clientId,
            ClientSecret = secret,
            RedirectUris = { new Uri(origin, "signin-oidc") },
        });
        return new RelyingParty(app, origin, settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

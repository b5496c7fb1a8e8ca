using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Development;

namespace StepUp.Testing.Hosting;

/// <summary>
/// A relying party on TestServer with cookie sign-in and StepUp: <c>/test/sign-in/{user}</c> signs a user in (claims: name
/// identifier, name), <c>/test/sign-out</c> signs out, <c>/public</c> is anonymous, <c>/account</c> needs a sign-in,
/// <c>/sensitive</c> (GET) and <c>/api/transfers</c> (POST) require phone MFA. Environment "Development" by default.
/// </summary>
public sealed class StepUpTestApp : IAsyncDisposable
{
    private readonly IHost _host;

    private StepUpTestApp(IHost host, FakeTimeProvider time, CapturedLogs logs)
    {
        _host = host;
        Time = time;
        Logs = logs;
    }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The app's clock (starts at 2026-12-04 10:00 UTC).</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The development outbox.</summary>
    public DevelopmentOutbox Outbox => Services.GetRequiredService<DevelopmentOutbox>();

    /// <summary>The test server.</summary>
    public TestServer Server => _host.GetTestServer();

    /// <summary>Captured log lines (all categories, all levels) for secrecy assertions.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>Starts an app.</summary>
    public static async Task<StepUpTestApp> StartAsync(
        Action<StepUpBuilder>? stepUp = null,
        Action<IServiceCollection>? services = null,
        Action<IEndpointRouteBuilder>? endpoints = null,
        string environment = "Development",
        FakeTimeProvider? time = null,
        CapturedLogs? logs = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        logs ??= new CapturedLogs();
        var host = new HostBuilder()
            .UseEnvironment(environment)
            .ConfigureLogging(l => l.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(s =>
                {
                    s.AddSingleton<TimeProvider>(time);
                    s.AddRouting();
                    s.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                        .AddCookie(o =>
                        {
                            o.LoginPath = "/test/login";
                            o.TimeProvider = time;
                        });
                    s.AddAuthorization(o => o.AddPolicy("admins", p => p.RequireRole("admin")));
                    var builder = s.AddStepUp().AddDevelopmentOutbox();
                    stepUp?.Invoke(builder);
                    services?.Invoke(s);
                })
                .Configure(app =>
                {
                    // TestServer has no socket: give every request the loopback address a real client on this machine has.
                    app.Use((context, next) =>
                    {
                        context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
                        return next(context);
                    });
                    app.UseRouting();
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.UseEndpoints(e =>
                    {
                        e.MapGet("/test/sign-in/{user}", async (HttpContext context, string user, string? role) =>
                        {
                            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user), new(ClaimTypes.Name, user) };
                            if (role is not null)
                            {
                                claims.Add(new Claim(ClaimTypes.Role, role));
                            }

                            await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
                            return Results.Ok();
                        });
                        e.MapGet("/test/sign-out", async (HttpContext context) =>
                        {
                            await context.SignOutAsync();
                            return Results.Ok();
                        });
                        e.MapGet("/public", () => "public");
                        e.MapGet("/account", () => "account").RequireAuthorization();
                        e.MapGet("/sensitive", () => "sensitive").RequirePhoneMfa();
                        e.MapPost("/api/transfers", () => Results.Ok(new { moved = true })).RequirePhoneMfa();
                        e.MapGet("/admin/sensitive", () => "admin").RequireAuthorization("admins").RequirePhoneMfa();
                        e.MapStepUp();
                        endpoints?.Invoke(e);
                    });
                }))
            .Build();
        await host.StartAsync();
        return new StepUpTestApp(host, time, logs);
    }

    /// <summary>A new browser: its own cookie jar, or <paramref name="cookies"/> shared with browsers on other app instances.</summary>
    public BrowserClient CreateBrowser(System.Net.CookieContainer? cookies = null) => new(Server.CreateHandler(), new Uri("http://localhost/"), cookies);

    /// <summary>A new browser, signed in as <paramref name="user"/>.</summary>
    public async Task<BrowserClient> SignedInBrowserAsync(string user, string? role = null)
    {
        var browser = CreateBrowser();
        var response = await browser.GetAsync($"/test/sign-in/{user}" + (role is null ? string.Empty : $"?role={role}"));
        response.EnsureSuccessStatusCode();
        return browser;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

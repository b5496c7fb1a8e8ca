using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using StepUp.AspNetCore;

namespace StepUp.Benchmarks.Hosting;

/// <summary>
/// A small relying party on real Kestrel (loopback, random port), with or without StepUp. Both variants have the same
/// cookie authentication, authorization and endpoints; the StepUp variant adds <c>AddStepUp()</c> (store chosen by
/// <see cref="StepUpStoreSelection"/>, development outbox), <c>MapStepUp()</c> and the <c>.RequirePhoneMfa()</c> endpoint.
/// Environment "Development" (the outbox refuses Production), logging at Warning so log writes cost nothing.
/// </summary>
public sealed class BenchmarkWebApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchmarkWebApp(WebApplication app, bool withStepUp)
    {
        _app = app;
        WithStepUp = withStepUp;
        BaseAddress = new Uri(app.Urls.Single());
    }

    /// <summary>Whether StepUp is registered.</summary>
    public bool WithStepUp { get; }

    /// <summary>The app's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts the app.</summary>
    public static async Task<BenchmarkWebApp> StartAsync(bool withStepUp, string? redis)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ApplicationName = typeof(BenchmarkWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization();
        if (withStepUp)
        {
            builder.Services
                .AddStepUp(options => options.DefaultMaxAge = TimeSpan.FromHours(1))
                .UseStore(redis)
                .AddDevelopmentOutbox();
        }

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet(BenchmarkPaths.Anonymous, () => "anonymous");
        app.MapGet(BenchmarkPaths.Authorized, () => "authorized").RequireAuthorization();
        app.MapPost(BenchmarkPaths.SignIn, SignInAsync).AllowAnonymous();
        if (withStepUp)
        {
            app.MapGet(BenchmarkPaths.SteppedUp, () => "stepped-up").RequireAuthorization().RequirePhoneMfa();
            app.MapStepUp();
        }

        await app.StartAsync().ConfigureAwait(false);
        return new BenchmarkWebApp(app, withStepUp);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, string user)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user), new Claim(ClaimTypes.Name, user)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return Results.NoContent();
    }
}

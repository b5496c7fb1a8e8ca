using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.AspNetCore.Store;
using StepUp.AspNetCore.Transactions;
using StepUp.Testing.Hosting;

namespace StepUp.Security.Tests.Infrastructure;

/// <summary>How a <see cref="SecurityApp"/> is set up. Instances started with one settings object act as one app behind a load balancer.</summary>
public sealed class SecurityAppSettings
{
    /// <summary>The Redis to use; default: the suite's monitored server.</summary>
    public string? Redis { get; set; }

    /// <summary>The key prefix in Redis (the Data Protection keys live under it too).</summary>
    public string KeyPrefix { get; set; } = "s" + Guid.NewGuid().ToString("N")[..12] + ":";

    /// <summary>How long a store operation may take before it counts as an outage.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The app's clock (starts at 2026-12-04 10:00 UTC).</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

    /// <summary>StepUp options on top of the defaults (codes of 8 digits here: see <see cref="Secret"/>).</summary>
    public Action<StepUpOptions>? StepUp { get; set; }

    /// <summary>The environment; Production by default, so nothing development-only is on.</summary>
    public string Environment { get; set; } = Environments.Production;

    /// <summary>When set, codes go through StepUp.Vonage to this (fake) Vonage instead of the <see cref="PhoneNetwork"/>.</summary>
    public Action<StepUp.Vonage.VonageOptions>? Vonage { get; set; }

    /// <summary>The transfers executed, by operation id, across the instances.</summary>
    public ConcurrentDictionary<string, int> Executed { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A relying party on Kestrel (127.0.0.1, free port) with StepUp on Redis: cookie sign-in at <c>/test/sign-in/{user}</c>
/// (optionally with directory claims <c>?amr=…&amp;authTime=…</c>), <c>/test/sign-out</c>, <c>/public</c>, <c>/account</c>
/// (signed in), <c>/sensitive</c> and <c>POST /api/transfers</c> (phone MFA, default max age), <c>/sensitive/strict</c>
/// (phone MFA within one minute), <c>POST /api/payments</c> (per-transaction approval), the StepUp pages and JSON API.
/// Codes go to the suite's <see cref="PhoneNetwork"/>.
/// </summary>
public sealed class SecurityApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SecurityApp(WebApplication app, Uri origin, SecurityAppSettings settings, PhoneNetwork network, CapturedLogs logs)
    {
        _app = app;
        Origin = origin;
        Settings = settings;
        Network = network;
        Logs = logs;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri Origin { get; }

    /// <summary>How it was set up.</summary>
    public SecurityAppSettings Settings { get; }

    /// <summary>The app's clock.</summary>
    public FakeTimeProvider Time => Settings.Time;

    /// <summary>Where its codes go.</summary>
    public PhoneNetwork Network { get; }

    /// <summary>Every log line (all categories, all levels).</summary>
    public CapturedLogs Logs { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The app's store.</summary>
    public IStepUpStore Store => Services.GetRequiredService<IStepUpStore>();

    /// <summary>Starts an instance.</summary>
    public static async Task<SecurityApp> StartAsync(SecuritySuite suite, SecurityAppSettings settings, PhoneNetwork network)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(settings);
        var logs = new CapturedLogs();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = settings.Environment, ApplicationName = "StepUp.Security.Tests" });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        var services = builder.Services;
        services.AddSingleton<TimeProvider>(settings.Time);
        services.AddRouting();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/test/login";
            o.TimeProvider = settings.Time;
        });
        services.AddAuthorization();
        services.AddDataProtection().SetApplicationName("StepUp.Security.Tests");
        services.AddStepUp(o =>
            {
                o.CodeLength = 8;
                settings.StepUp?.Invoke(o);
            })
            .AddRedisStore(o =>
            {
                o.Configuration = settings.Redis ?? suite.Redis.EndPoint;
                o.KeyPrefix = settings.KeyPrefix;
                o.OperationTimeout = settings.OperationTimeout;
                o.ConfigureConnection = c => c.ReconnectRetryPolicy = new LinearRetry(100);
            })
            .PersistDataProtectionKeys();
        if (settings.Vonage is { } vonage)
        {
            services.AddStepUp().AddVonage(vonage);
        }
        else
        {
            services.Replace(ServiceDescriptor.Singleton<IPhoneChannel>(network));
        }

        var app = builder.Build();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/test/sign-in/{user}", async (HttpContext context, string user, string? amr, long? authTime) =>
        {
            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user), new(ClaimTypes.Name, user) };
            if (amr is not null)
            {
                claims.Add(new Claim("amr", amr));
            }

            if (authTime is { } at)
            {
                claims.Add(new Claim("auth_time", at.ToString(CultureInfo.InvariantCulture)));
            }

            await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
            return Results.Ok();
        });
        app.MapGet("/test/sign-out", async (HttpContext context) =>
        {
            await context.SignOutAsync();
            return Results.Ok();
        });
        app.MapGet("/public", () => "public");
        app.MapGet("/account", () => "account").RequireAuthorization();
        app.MapGet("/sensitive", () => "sensitive").RequirePhoneMfa();
        app.MapGet("/sensitive/strict", () => "strict").RequirePhoneMfa(maxAge: TimeSpan.FromMinutes(1));
        app.MapPost("/api/transfers", () => Results.Ok(new { moved = true })).RequirePhoneMfa();
        app.MapPost("/api/payments", async (HttpContext context, Payment payment, StepUpApprovals approvals) =>
        {
            var transaction = new StepUpTransaction($"send EUR {payment.Amount} to {payment.Payee}", payment.Id, payment.Amount, "EUR", payment.Payee);
            var approval = await approvals.ConsumeAsync(context, transaction);
            if (!approval.IsApproved)
            {
                return (IResult)approval;
            }

            var count = settings.Executed.AddOrUpdate(payment.Id, 1, (_, n) => n + 1);
            return Results.Ok(new { executed = payment.Id, times = count });
        }).RequireAuthorization();
        app.MapStepUp();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var instance = new SecurityApp(app, new Uri(address + "/"), settings, network, logs);
        await instance.RegisterHmacKeyAsync(suite.Ledger);
        return instance;
    }

    /// <summary>A new browser (its own cookie jar, or <paramref name="cookies"/>) whose exchanges land in <paramref name="transcripts"/>.</summary>
    public BrowserClient CreateBrowser(CookieContainer? cookies, params Transcript[] transcripts) =>
        new(new RecordingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }, transcripts), Origin, cookies);

    /// <summary>Attaches a verified phone to <paramref name="user"/> directly in the store (an account that enrolled earlier).</summary>
    public Task AttachPhoneAsync(string user, string phoneNumber) =>
        Store.SetVerifiedPhoneAsync(user, new VerifiedPhone(phoneNumber, Time.GetUtcNow().AddDays(-30), PhoneChannel.Sms));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Reads StepUp's HMAC key the way the app does (from the store, through Data Protection) so audits look for it too.</summary>
    private async Task RegisterHmacKeyAsync(SecretLedger ledger)
    {
        var protector = Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("StepUp.AspNetCore.StepUpKeyRing", "v1");
        var stored = await Store.GetOrAddSecretAsync("hmac-key-v1", protector.Protect(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        ledger.AddKey("the StepUp HMAC key", protector.Unprotect(stored));
    }
}

/// <summary>Body of <c>POST /api/payments</c>.</summary>
/// <param name="Id">The operation id.</param>
/// <param name="Amount">The amount, e.g. <c>500.00</c>.</param>
/// <param name="Payee">The payee's IBAN.</param>
public sealed record Payment(string Id, string Amount, string Payee);

using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using StepUp.AspNetCore.Channels;

namespace StepUp.LoadTests;

/// <summary>
/// One app instance under load (Kestrel on 127.0.0.1): cookie sign-in at <c>/load/sign-in/{user}</c>, <c>/load/balance</c>
/// (signed in), <c>POST /load/transfers</c> (phone MFA), the StepUp JSON API, and <c>/load/memory</c> (a full GC, then the
/// managed heap and working set). StepUp runs on Redis with shared Data Protection keys, as in production, with one
/// difference: the per-address send limit is lifted, since every simulated user comes from 127.0.0.1. Codes go to a
/// simulated phone network: a Redis hash the driver reads (load harness only; StepUp itself never stores a code).
/// </summary>
internal static class LoadTarget
{
    public static async Task RunAsync(int port, string redis, string prefix)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = "StepUp.LoadTests" });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var phones = await ConnectionMultiplexer.ConnectAsync(redis);
        builder.Services.AddSingleton<IConnectionMultiplexer>(phones);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization();
        builder.Services.AddDataProtection().SetApplicationName("StepUp.LoadTests");
        builder.Services.AddStepUp(o =>
            {
                o.MaxSendsPerClientAddress = 10_000_000;
                o.Brand = "Load Bank";
            })
            .AddRedisStore(o =>
            {
                o.Configuration = redis;
                o.KeyPrefix = prefix;
            })
            .PersistDataProtectionKeys();
        builder.Services.Replace(ServiceDescriptor.Singleton<IPhoneChannel>(new SimulatedPhones(phones.GetDatabase(), prefix)));

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/load/sign-in/{user}", async (HttpContext context, string user) =>
        {
            await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user)], "load")));
            return Results.Ok();
        });
        app.MapGet("/load/balance", () => Results.Ok(new { balance = 1000 })).RequireAuthorization();
        app.MapPost("/load/transfers", (ClaimsPrincipal user) => Results.Ok(new { user = user.FindFirstValue(ClaimTypes.NameIdentifier) })).RequirePhoneMfa();
        app.MapGet("/load/memory", () =>
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            return Results.Ok(new { managed = GC.GetTotalMemory(false), workingSet = process.WorkingSet64, gen2 = GC.CollectionCount(2) });
        });
        app.MapStepUp();
        await app.RunAsync();
    }

    /// <summary>The phones of the simulated users: the newest code per number, in a Redis hash the driver reads.</summary>
    private sealed class SimulatedPhones(IDatabase db, string prefix) : IPhoneChannel
    {
        public Task<PhoneDeliveryResult> SendTextAsync(PhoneMessage message, CancellationToken cancellationToken = default) => DeliverAsync(message);

        public Task<PhoneDeliveryResult> PlaceCallAsync(PhoneMessage message, CancellationToken cancellationToken = default) => DeliverAsync(message);

        private async Task<PhoneDeliveryResult> DeliverAsync(PhoneMessage message)
        {
            if (message.Code is { } code)
            {
                await db.HashSetAsync(prefix + "simulated-phones", message.To, code).ConfigureAwait(false);
            }

            return PhoneDeliveryResult.Accept();
        }
    }
}

using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using StepUp.AspNetCore.Development;

namespace StepUp.Redis.Tests.Hosting;

/// <summary>
/// One app instance on TestServer (environment Development) with cookie sign-in, StepUp on Redis (Data Protection keys in
/// Redis too), the development outbox, <c>/public</c>, and <c>/protected</c> that requires phone MFA.
/// </summary>
internal sealed class StepUpTestApp : IAsyncDisposable
{
    public const string PhoneNumber = "+31612345634";
    private readonly IHost _host;

    private StepUpTestApp(IHost host) => _host = host;

    public TestServer Server => _host.GetTestServer();

    public IServiceProvider Services => _host.Services;

    public static async Task<StepUpTestApp> StartAsync(string redisConfiguration, string keyPrefix, TimeSpan? operationTimeout = null)
    {
        var host = new HostBuilder()
            .UseEnvironment(Environments.Development)
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services =>
                {
                    services.AddDataProtection().SetApplicationName("StepUp.Redis.Tests");
                    services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
                    services.AddStepUp()
                        .AddRedisStore(o =>
                        {
                            o.Configuration = redisConfiguration;
                            o.KeyPrefix = keyPrefix;
                            o.OperationTimeout = operationTimeout ?? TimeSpan.FromSeconds(5);
                            o.ConfigureConnection = c => c.ReconnectRetryPolicy = new LinearRetry(100);
                        })
                        .PersistDataProtectionKeys()
                        .AddDevelopmentOutbox();
                })
                .Configure(app =>
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapStepUp();
                        endpoints.MapGet("/public", () => "Anyone may read this.");
                        endpoints.MapGet("/protected", () => "Wire transfer form.").RequireAuthorization().RequirePhoneMfa();
                        endpoints.MapPost("/test/signin", async (HttpContext context, string user) =>
                        {
                            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user)], CookieAuthenticationDefaults.AuthenticationScheme);
                            await context.SignInAsync(new ClaimsPrincipal(identity));
                            return Results.NoContent();
                        });
                        endpoints.MapPost("/test/signout", async (HttpContext context) =>
                        {
                            await context.SignOutAsync();
                            return Results.NoContent();
                        });
                    });
                }))
            .Build();
        await host.StartAsync();
        return new StepUpTestApp(host);
    }

    /// <summary>The newest code the development outbox holds for <see cref="PhoneNumber"/>.</summary>
    public string LatestCode() =>
        Services.GetRequiredService<DevelopmentOutbox>().LatestTo(PhoneNumber)?.Code ?? throw new InvalidOperationException("No code in the outbox.");

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>The browser's side of the flow, as calls on the JSON API.</summary>
internal static class StepUpApi
{
    public static async Task SignInAsync(HttpClient client, string user)
    {
        using var response = await client.PostAsync("/test/signin?user=" + Uri.EscapeDataString(user), null, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    public static Task<HttpResponseMessage> StartAsync(HttpClient client, string? phoneNumber = StepUpTestApp.PhoneNumber) =>
        client.PostAsJsonAsync("/stepup/api/challenges", new { channel = "sms", phoneNumber }, TestContext.Current.CancellationToken);

    /// <summary>Starts a code and answers its challenge id.</summary>
    public static async Task<string> StartCodeAsync(HttpClient client)
    {
        using var response = await StartAsync(client);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("challengeId").GetString()!;
    }

    public static Task<HttpResponseMessage> VerifyAsync(HttpClient client, string challengeId, string code) =>
        client.PostAsJsonAsync("/stepup/api/challenges/verify", new { challengeId, code }, TestContext.Current.CancellationToken);

    /// <summary>GET as an API client (JSON), so an unmet requirement answers 401 rather than a redirect.</summary>
    public static Task<HttpResponseMessage> GetAsApiAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/json");
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>GET as a browser (HTML).</summary>
    public static Task<HttpResponseMessage> GetAsBrowserAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Store;

namespace StepUp.DevelopmentDirectory.Hosting;

/// <summary>
/// Makes an app a client of an in-process development directory: before the app serves, its StepUp store gets the seeded
/// accounts' verified phones; once it listens, the app is registered with its client id, secret and callback URLs on every
/// address it is bound to (a port chosen at start-up included).
/// </summary>
internal sealed class DevelopmentDirectoryClientRegistration(
    string scheme,
    IServer server,
    IServiceProvider services) : IHostedLifecycleService
{
    private DevelopmentDirectory Directory => services.GetRequiredService<DevelopmentDirectory>();

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IStepUpStore>() is not { } store)
        {
            return;
        }

        var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        foreach (var account in Directory.SeededAccounts)
        {
            if (account.PhoneNumber is { } phone && Directory.FindAccountId(account.UserName) is { } id &&
                await store.GetVerifiedPhoneAsync(id, cancellationToken) is null)
            {
                await store.SetVerifiedPhoneAsync(id, new VerifiedPhone(phone, now, PhoneChannel.Sms), cancellationToken);
            }
        }
    }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(scheme);
        // A server without addresses (TestServer) is reached at http://localhost/.
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses is { Count: > 0 } bound ? bound : ["http://localhost:80"];
        var origins = addresses.SelectMany(Origins).Distinct().ToList();
        await Directory.RegisterClientAsync(
            new DevelopmentDirectoryClient
            {
                ClientId = options.ClientId ?? throw new InvalidOperationException($"The OpenID Connect scheme '{scheme}' has no ClientId."),
                ClientSecret = options.ClientSecret,
                RedirectUris = [.. origins.Select(o => new Uri(o, options.CallbackPath.Value!.TrimStart('/')))],
                PostLogoutRedirectUris = [.. origins.Select(o => new Uri(o, options.SignedOutCallbackPath.Value!.TrimStart('/')))],
            },
            cancellationToken);
    }

    /// <summary>The origins a browser can use for <paramref name="address"/>: a wildcard is localhost, and localhost and 127.0.0.1 are interchangeable.</summary>
    private static IEnumerable<Uri> Origins(string address)
    {
        var binding = BindingAddress.Parse(address);
        var host = binding.Host is "+" or "*" or "[::]" or "0.0.0.0" or "localhost" ? "localhost" : binding.Host;
        yield return new Uri($"{binding.Scheme}://{host}:{binding.Port}/");
        if (host is "localhost")
        {
            yield return new Uri($"{binding.Scheme}://127.0.0.1:{binding.Port}/");
        }
        else if (host is "127.0.0.1")
        {
            yield return new Uri($"{binding.Scheme}://localhost:{binding.Port}/");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

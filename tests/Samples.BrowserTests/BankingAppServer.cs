using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StepUp.AspNetCore.Development;
using StepUp.DevelopmentDirectory;

namespace Samples.BrowserTests;

/// <summary>
/// The banking sample on Kestrel (a real socket on 127.0.0.1, free port), in Development, signing in through its in-process
/// development directory (another free port), as <c>dotnet run</c> starts it.
/// </summary>
public sealed class BankingAppServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private BankingAppServer(WebApplicationFactory<Program> factory, Uri address)
    {
        _factory = factory;
        Address = address;
    }

    /// <summary>The app's base address.</summary>
    public Uri Address { get; }

    /// <summary>The app's development outbox, where its codes land.</summary>
    public DevelopmentOutbox Outbox => _factory.Services.GetRequiredService<DevelopmentOutbox>();

    /// <summary>The development directory the app signs in through.</summary>
    public DevelopmentDirectory Directory => _factory.Services.GetRequiredService<DevelopmentDirectory>();

    /// <summary>Starts the sample; with <paramref name="time"/> as its clock, with <paramref name="redis"/> as <c>ConnectionStrings:Redis</c>.</summary>
    public static BankingAppServer Start(TimeProvider? time = null, string? redis = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("urls", "http://127.0.0.1:0");
            b.UseSetting("DevelopmentDirectory:Origin", "http://127.0.0.1:0");
            if (redis is not null)
            {
                b.UseSetting("ConnectionStrings:Redis", redis);
            }

            if (time is not null)
            {
                b.ConfigureTestServices(s => s.AddSingleton(time));
            }
        });
        factory.UseKestrel(0);
        factory.StartServer();
        return new BankingAppServer(factory, factory.ClientOptions.BaseAddress);
    }

    /// <summary>The newest code the app sent to <paramref name="phone"/>.</summary>
    public string CodeFor(string phone) => Outbox.LatestTo(phone)?.Code ?? throw new InvalidOperationException("No code was sent to this number.");

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}

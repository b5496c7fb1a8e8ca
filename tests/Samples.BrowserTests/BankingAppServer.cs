using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StepUp.AspNetCore.Development;

namespace Samples.BrowserTests;

/// <summary>The banking sample on Kestrel (a real socket on 127.0.0.1, free port), in Development.</summary>
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

    /// <summary>The development outbox, where codes land.</summary>
    public DevelopmentOutbox Outbox => _factory.Services.GetRequiredService<DevelopmentOutbox>();

    /// <summary>Starts the sample.</summary>
    public static BankingAppServer Start()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("urls", "http://127.0.0.1:0"));
        factory.UseKestrel(0);
        factory.StartServer();
        return new BankingAppServer(factory, factory.ClientOptions.BaseAddress);
    }

    /// <summary>The newest code sent to <paramref name="phone"/>.</summary>
    public string CodeFor(string phone) => Outbox.LatestTo(phone)?.Code ?? throw new InvalidOperationException("No code was sent to this number.");

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}

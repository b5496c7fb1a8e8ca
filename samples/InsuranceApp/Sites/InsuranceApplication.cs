using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using StepUp.DevelopmentDirectory;

namespace InsuranceApp.Sites;

/// <summary>
/// The insurance sample: one site per <c>Sites</c> section (Auto and Home), each its own web application on its own port,
/// and, when <c>Directory:Authority</c> is not set, one development directory both are registered in.
/// </summary>
public sealed class InsuranceApplication : IAsyncDisposable
{
    private readonly List<(string Name, WebApplication App)> _sites;

    private InsuranceApplication(List<(string Name, WebApplication App)> sites, DevelopmentDirectory? directory)
    {
        _sites = sites;
        Directory = directory;
    }

    /// <summary>The development directory, when the sample runs one.</summary>
    public DevelopmentDirectory? Directory { get; }

    /// <summary>The names of the sites (<c>Auto</c>, <c>Home</c>).</summary>
    public IEnumerable<string> Names => _sites.Select(s => s.Name);

    /// <summary>The site <paramref name="name"/> (<c>Auto</c>, <c>Home</c>).</summary>
    public WebApplication Site(string name) => _sites.First(s => s.Name == name).App;

    /// <summary>Where the site <paramref name="name"/> listens.</summary>
    public Uri Address(string name) => new(Site(name).Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    /// <summary>Builds and starts every site; <paramref name="args"/> are read like any app's command line.</summary>
    public static async Task<InsuranceApplication> StartAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var options = new WebApplicationOptions { Args = args, ApplicationName = typeof(InsuranceApplication).Assembly.GetName().Name };
        var settings = WebApplication.CreateBuilder(options); // read once for what the sites share: names, directory
        var names = settings.Configuration.GetSection("Sites").GetChildren().Select(s => s.Key).ToList();
        var directory = string.IsNullOrEmpty(settings.Configuration["Directory:Authority"])
            ? await DevelopmentDirectory.StartForAppAsync(settings.Configuration, settings.Environment, cancellationToken)
            : null;

        var sites = new InsuranceSites();
        var started = new List<(string Name, WebApplication App)>();
        var application = new InsuranceApplication(started, directory);
        try
        {
            foreach (var name in names)
            {
                var app = InsuranceSite.Build(name, WebApplication.CreateBuilder(options), directory, sites);
                started.Add((name, app));
                await app.StartAsync(cancellationToken);
                sites.Add(app.Services.GetRequiredService<InsuranceSiteOptions>().Title, application.Address(name));
            }
        }
        catch
        {
            await application.DisposeAsync();
            throw;
        }

        return application;
    }

    /// <summary>Runs until Ctrl+C (or the process is told to stop).</summary>
    public Task WaitForShutdownAsync() => Task.WhenAll(_sites.Select(s => s.App.WaitForShutdownAsync()));

    /// <summary>Stops every site, then the directory.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (_, app) in _sites)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (Directory is not null)
        {
            await Directory.DisposeAsync();
        }
    }
}

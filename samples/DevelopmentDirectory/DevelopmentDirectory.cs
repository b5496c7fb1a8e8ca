using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenIddict.Abstractions;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Development;
using StepUp.AspNetCore.Store;
using StepUp.DevelopmentDirectory.Accounts;
using StepUp.DevelopmentDirectory.Hosting;
using StepUp.DevelopmentDirectory.Protocol;
using StepUp.DevelopmentDirectory.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace StepUp.DevelopmentDirectory;

/// <summary>
/// A running development directory: an OpenID Connect provider shaped like an Azure AD B2C tenant, on its own loopback
/// port, with in-memory accounts, clients and sessions. Start one per app (or per test class) and dispose it at the end.
/// </summary>
/// <example>
/// <code>
/// await using var directory = await DevelopmentDirectory.StartAsync(o => o.Clients.Add(new DevelopmentDirectoryClient
/// {
///     ClientId = "bank", ClientSecret = "bank-secret", RedirectUris = { new Uri("https://localhost:5001/signin-oidc") },
/// }));
/// builder.Services.AddAuthentication().AddOpenIdConnect("oidc", o =>
/// {
///     o.Authority = directory.Authority("B2C_1_SiIn").AbsoluteUri; // http://127.0.0.1:port/stepupdev.onmicrosoft.com/B2C_1_SiIn/v2.0/
///     o.RequireHttpsMetadata = false; // development directory on loopback HTTP only
///     ...
/// });
/// </code>
/// </example>
public sealed class DevelopmentDirectory : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DevelopmentDirectoryOptions _options;

    private DevelopmentDirectory(WebApplication app, DevelopmentDirectoryOptions options, Uri origin)
    {
        _app = app;
        _options = options;
        Origin = origin;
    }

    /// <summary>Where the directory listens, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri Origin { get; }

    /// <summary>The tenant name used in URLs.</summary>
    public string Tenant => _options.Tenant;

    /// <summary>The issuer of every token (per tenant, as in B2C): <c>{origin}/{tenantId}/v2.0/</c>.</summary>
    public Uri Issuer => _app.Services.GetRequiredService<DirectoryOrigin>().Issuer;

    /// <summary>The codes sent by the phone step.</summary>
    public DevelopmentOutbox Outbox => _app.Services.GetRequiredService<DevelopmentOutbox>();

    /// <summary>The directory's services (for tests: its <see cref="IStepUpStore"/>, its clock).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a directory; returns once it accepts requests.</summary>
    public static async Task<DevelopmentDirectory> StartAsync(Action<DevelopmentDirectoryOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var options = new DevelopmentDirectoryOptions();
        configure?.Invoke(options);
        var requested = options.Origin ?? new Uri("http://127.0.0.1:0/");
        if (requested.Scheme != Uri.UriSchemeHttp || !IPAddress.TryParse(requested.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new InvalidOperationException(
                $"DevelopmentDirectory:Origin must be a loopback HTTP address such as http://127.0.0.1:5080; it is '{requested}'. The development directory is never exposed beyond this machine.");
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ApplicationName = typeof(DevelopmentDirectory).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrel(k => k.Listen(address, requested.Port));
        options.ConfigureLogging?.Invoke(builder.Logging);
        DirectoryServices.Add(builder.Services, options);

        var app = builder.Build();
        app.UseAuthentication();
        DirectoryEndpoints.Map(app);
        await app.StartAsync(cancellationToken);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The development directory did not report its address.");
        var origin = new Uri(bound.Replace("localhost", address.ToString(), StringComparison.OrdinalIgnoreCase) + "/");
        app.Services.GetRequiredService<DirectoryOrigin>().Set(origin);

        var directory = new DevelopmentDirectory(app, options, new Uri(origin.GetLeftPart(UriPartial.Authority) + "/"));
        foreach (var account in options.Accounts)
        {
            await directory.AddAccountAsync(account, cancellationToken);
        }

        foreach (var client in options.Clients)
        {
            await directory.RegisterClientAsync(client, cancellationToken);
        }

        return directory;
    }

    /// <summary>The authority of <paramref name="policy"/>: <c>{origin}/{tenant}/{policy}/v2.0/</c>.</summary>
    public Uri Authority(string policy) => new(Origin, $"{Tenant}/{policy}/v2.0/");

    /// <summary>The discovery document of <paramref name="policy"/>.</summary>
    public Uri MetadataAddress(string policy) => new(Authority(policy), ".well-known/openid-configuration");

    /// <summary>Registers an application (authorization code flow with PKCE; scopes <c>openid profile phone</c>).</summary>
    public async Task RegisterClientAsync(DevelopmentDirectoryClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            ClientType = client.ClientSecret is null ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = client.DisplayName ?? client.ClientId,
        };
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Scopes.Phone,
        ]);
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        descriptor.RedirectUris.UnionWith(client.RedirectUris);
        descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris);

        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor, cancellationToken);
    }

    /// <summary>Adds a local account (and its verified phone); returns its object id.</summary>
    public async Task<string> AddAccountAsync(DirectoryAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var user = _app.Services.GetRequiredService<DirectoryUserStore>().Create(account.UserName, account.Password, account.DisplayName, account.Id)
            ?? throw new InvalidOperationException($"The user name '{account.UserName}' is taken.");
        if (account.PhoneNumber is { } phone)
        {
            await _app.Services.GetRequiredService<IStepUpStore>().SetVerifiedPhoneAsync(
                user.Id, new VerifiedPhone(phone, _options.TimeProvider.GetUtcNow(), PhoneChannel.Sms), cancellationToken);
        }

        return user.Id;
    }

    /// <summary>The object id of the account named <paramref name="userName"/>, or <see langword="null"/>.</summary>
    public string? FindAccountId(string userName) => _app.Services.GetRequiredService<DirectoryUserStore>().FindByUserName(userName)?.Id;

    /// <summary>The name of the directory's SSO session cookie.</summary>
    public static string SessionCookieName => DirectorySession.CookieName;

    /// <summary>Stops the directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Server;
using StepUp.DevelopmentDirectory.Accounts;
using StepUp.DevelopmentDirectory.Protocol;
using StepUp.DevelopmentDirectory.Sessions;
using StepUp.DevelopmentDirectory.Ui;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace StepUp.DevelopmentDirectory.Hosting;

/// <summary>The directory's services: OpenIddict (EF Core in-memory stores), the SSO cookie, accounts, StepUp's phone engine.</summary>
internal static class DirectoryServices
{
    public static void Add(IServiceCollection services, DevelopmentDirectoryOptions options)
    {
        var policies = new DirectoryPolicies(options);
        services.AddSingleton(options);
        services.AddSingleton(options.TimeProvider);
        services.AddSingleton(policies);
        services.AddSingleton<DirectoryOrigin>();
        services.AddSingleton<DirectoryUserStore>();
        services.AddSingleton<ReturnUrls>();
        services.AddSingleton<AuthorizeEndpoint>();
        services.AddSingleton<TokenEndpoint>();
        services.AddSingleton<SignInPages>();
        services.AddSingleton<SignUpPages>();
        services.AddSingleton<PasswordResetPages>();
        services.AddSingleton<PhonePages>();
        services.AddSingleton<ProfilePages>();
        services.AddSingleton<HomePages>();

        // Keys live and die with the process, like every other piece of state here.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddRouting();
        services.AddAntiforgery(o => o.Cookie.Name = ".StepUp.DevelopmentDirectory.Antiforgery");
        services.AddAuthentication(DirectorySession.Scheme).AddCookie(DirectorySession.Scheme, o =>
        {
            o.Cookie.Name = DirectorySession.CookieName;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
            o.Events = new CookieAuthenticationEvents
            {
                // The UI redirects on its own; the cookie handler never sends anyone to a login page.
                OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                },
            };
        });

        // OpenIddict needs an entity store for applications, authorizations and tokens. EF Core's in-memory provider with
        // OpenIddict's own EF Core stores keeps every built-in check (client, redirect URI, secret, PKCE, one-use codes) on,
        // which the degraded mode would hand to us to re-implement.
        var database = "StepUp.DevelopmentDirectory." + Guid.NewGuid().ToString("N");
        services.AddDbContext<DirectoryDbContext>(o =>
        {
            o.UseInMemoryDatabase(database);
            o.UseOpenIddict();
        });
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<DirectoryDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris([.. policies.EndpointPaths(DirectoryPaths.Authorize)])
                    .SetTokenEndpointUris([.. policies.EndpointPaths(DirectoryPaths.Token)])
                    .SetEndSessionEndpointUris([.. policies.EndpointPaths(DirectoryPaths.Logout)])
                    .SetConfigurationEndpointUris([.. policies.EndpointPaths(DirectoryPaths.Metadata)])
                    .SetJsonWebKeySetEndpointUris([.. policies.EndpointPaths(DirectoryPaths.Keys)]);
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Phone);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                o.AddEventHandler(AttachPolicyEndpoints.Descriptor);

                // Loopback HTTP: this directory only ever runs on the developer's machine and in tests.
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });
        services.AddOptions<OpenIddictServerOptions>().Configure<DirectoryOrigin>((o, origin) =>
        {
            o.Issuer = origin.Issuer;
            o.TimeProvider = options.TimeProvider;
        });

        services.AddStepUp(o =>
        {
            o.Brand = "StepUp development directory";
            options.ConfigureStepUp?.Invoke(o);
        }).AddInMemoryStore().AddDevelopmentOutbox();
    }
}

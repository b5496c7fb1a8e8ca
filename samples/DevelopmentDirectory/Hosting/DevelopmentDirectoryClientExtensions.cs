using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using StepUp.DevelopmentDirectory.Hosting;

namespace StepUp.DevelopmentDirectory;

/// <summary>Signs an app in through a development directory (Development only, loopback HTTP).</summary>
/// <remarks>
/// The development directory speaks plain HTTP on loopback: its metadata is read over HTTP, and the correlation and nonce
/// cookies cannot be <c>Secure</c>. Browsers drop <c>SameSite=None</c> cookies that are not <c>Secure</c>, so they are
/// <c>Lax</c>, and the code comes back in the query of a top-level redirect (which carries <c>Lax</c> cookies) instead of
/// a cross-site form post (which does not). Against a real directory, keep the framework's defaults.
/// </remarks>
public static class DevelopmentDirectoryClientExtensions
{
    /// <summary>
    /// Starts a development directory with the app and signs the app in through it: see
    /// <see cref="AddDevelopmentDirectoryClient(IServiceCollection, DevelopmentDirectory, string, string)"/>. It listens on
    /// <c>DevelopmentDirectory:Origin</c> (a free loopback port when unset) and logs the codes of its phone step to the
    /// console. Refuses outside the Development environment.
    /// </summary>
    public static IHostApplicationBuilder AddDevelopmentDirectory(this IHostApplicationBuilder builder, string scheme, string policy)
    {
        ArgumentNullException.ThrowIfNull(builder);
        DevelopmentDirectory.EnsureDevelopment(builder.Environment);
        var services = builder.Services;
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<AppOwnedDevelopmentDirectory>(sp, builder.Configuration, builder.Environment));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<AppOwnedDevelopmentDirectory>());
        services.AddSingleton(sp => sp.GetRequiredService<AppOwnedDevelopmentDirectory>().Directory); // disposed with the app's services
        AddClient(services, scheme, policy);
        return builder;
    }

    /// <summary>
    /// Points the OpenID Connect scheme <paramref name="scheme"/> at <paramref name="policy"/> of <paramref name="directory"/>
    /// and registers the app as its client (the scheme's <c>ClientId</c>, a secret made for this run, the callback URLs on
    /// every address the app listens on) once the app has started. The app's StepUp store gets the directory's seeded
    /// accounts' verified phones, as a real app would know them from its own records. The caller owns the directory (several
    /// apps can share one).
    /// </summary>
    public static IServiceCollection AddDevelopmentDirectoryClient(this IServiceCollection services, DevelopmentDirectory directory, string scheme, string policy)
    {
        ArgumentNullException.ThrowIfNull(directory);
        services.AddSingleton(directory);
        AddClient(services, scheme, policy);
        return services;
    }

    private static void AddClient(IServiceCollection services, string scheme, string policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        ArgumentException.ThrowIfNullOrEmpty(policy);
        var secret = RandomNumberGenerator.GetHexString(32);
        // Resolved when the options are first read (the app has started by then), not when they are registered.
        services.AddOptions<OpenIdConnectOptions>(scheme).Configure<IServiceProvider>((o, sp) =>
        {
            var directory = sp.GetRequiredService<DevelopmentDirectory>();
            o.Authority = directory.Authority(policy).AbsoluteUri;
            o.ClientSecret = secret;
            o.RequireHttpsMetadata = false;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<DevelopmentDirectoryClientRegistration>(sp, scheme));
    }
}

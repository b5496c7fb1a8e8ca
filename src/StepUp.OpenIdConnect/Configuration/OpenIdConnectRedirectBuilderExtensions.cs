using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Challenges;
using StepUp.OpenIdConnect;
using StepUp.OpenIdConnect.Challenges;
using StepUp.OpenIdConnect.Configuration;
using StepUp.OpenIdConnect.Results;
using StepUp.OpenIdConnect.Validation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Directory redirect mode on the <see cref="StepUpBuilder"/>.</summary>
public static class OpenIdConnectRedirectBuilderExtensions
{
    /// <summary>
    /// Satisfies <see cref="StepUpMode.DirectoryRedirect"/> requirements by sending the browser back to the directory through
    /// the app's OpenID Connect scheme <paramref name="authenticationScheme"/>, with an MFA policy (B2C) or <c>acr_values</c>,
    /// and accepting only an answer that proves MFA. Wraps the scheme's events; calling it again only adds configuration.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddStepUp</c>.</param>
    /// <param name="authenticationScheme">The app's OpenID Connect scheme, e.g. <c>oidc</c>.</param>
    /// <param name="configure">Sets the dialect, the MFA policy or acr values.</param>
    public static StepUpBuilder AddOpenIdConnectRedirect(
        this StepUpBuilder builder,
        string authenticationScheme = OpenIdConnectDefaults.AuthenticationScheme,
        Action<OpenIdConnectRedirectOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(authenticationScheme);
        var services = builder.Services;
        var options = services.AddOptions<OpenIdConnectRedirectOptions>().Configure(o => o.Scheme = authenticationScheme).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StepUpTokenCheck>();
        services.TryAddSingleton<DirectoryStepUpResults>();
        services.TryAddSingleton<DirectoryCallbacks>();
        services.TryAddSingleton<IDirectoryStepUpChallenge, OpenIdConnectStepUpChallenge>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenIdConnectRedirectOptions>, OpenIdConnectRedirectOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectEventsPostConfigure>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<StepUpOptions>, StepUpDirectoryPolicies>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, OpenIdConnectRedirectStartupValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, DirectoryStepUpResultStartupFilter>());
        return builder;
    }

    /// <summary>
    /// As <see cref="AddOpenIdConnectRedirect(StepUpBuilder, string, Action{OpenIdConnectRedirectOptions}?)"/>, with options bound
    /// from <paramref name="configuration"/> (the <c>StepUp:OpenIdConnect</c> section).
    /// </summary>
    public static StepUpBuilder AddOpenIdConnectRedirect(
        this StepUpBuilder builder,
        string authenticationScheme,
        IConfiguration configuration,
        Action<OpenIdConnectRedirectOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<OpenIdConnectRedirectOptions>(configuration);
        return builder.AddOpenIdConnectRedirect(authenticationScheme, configure);
    }
}

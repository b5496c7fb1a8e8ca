using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Authorization;
using StepUp.AspNetCore.Challenges;
using StepUp.AspNetCore.Channels;
using StepUp.AspNetCore.Diagnostics;
using StepUp.AspNetCore.Endpoints;
using StepUp.AspNetCore.Grants;
using StepUp.AspNetCore.Phones;
using StepUp.AspNetCore.Store;
using StepUp.AspNetCore.Transactions;
using StepUp.AspNetCore.Verification;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers StepUp. Calling it more than once is harmless: services are added once, options accumulate.</summary>
public static class StepUpServiceCollectionExtensions
{
    /// <summary>Adds StepUp with options bound from <paramref name="configuration"/> (the <c>StepUp</c> section) and validated at start-up.</summary>
    public static StepUpBuilder AddStepUp(this IServiceCollection services, IConfiguration configuration, Action<StepUpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddStepUp(configure);
        services.Configure<StepUpOptions>(configuration);
        return builder;
    }

    /// <summary>Adds StepUp: the requirement handler, the challenge, the in-app step-up, the code engine and the in-memory store.</summary>
    public static StepUpBuilder AddStepUp(this IServiceCollection services, Action<StepUpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StepUpOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(StepUpMarker)))
        {
            return new StepUpBuilder(services);
        }

        services.AddSingleton<StepUpMarker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StepUpOptions>, StepUpOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddDataProtection();
        services.AddLocalization();
        services.AddMetrics();
        services.AddAuthorization();
        services.AddAntiforgery();
        services.AddRazorPages().ConfigureApplicationPartManager(AddStepUpPages);

        services.TryAddSingleton<IStepUpStore, InMemoryStepUpStore>();
        services.TryAddSingleton<StepUpKeyRing>();
        services.TryAddSingleton<PhoneNumberParser>();
        services.TryAddSingleton<PhoneMessageComposer>();
        services.TryAddSingleton<StepUpMetrics>();
        services.TryAddSingleton(sp => new PhoneVerificationService(
            sp,
            sp.GetRequiredService<IStepUpStore>(),
            sp.GetRequiredService<IOptionsMonitor<StepUpOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<StepUpKeyRing>(),
            sp.GetRequiredService<PhoneNumberParser>(),
            sp.GetRequiredService<PhoneMessageComposer>(),
            sp.GetRequiredService<StepUpMetrics>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<PhoneVerificationService>>()));
        services.TryAddSingleton<StepUpSessionManager>();
        services.TryAddSingleton<StepUpChallengeWriter>();
        services.TryAddSingleton<InAppStepUp>();
        services.TryAddSingleton<TransactionTicket>();
        services.TryAddSingleton(sp => new StepUpApprovals(
            sp.GetRequiredService<IStepUpStore>(),
            sp.GetRequiredService<StepUpSessionManager>(),
            sp.GetRequiredService<TransactionTicket>(),
            sp.GetRequiredService<StepUpChallengeWriter>(),
            sp.GetRequiredService<IOptionsMonitor<StepUpOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<StepUpApprovals>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, PhoneMfaAuthorizationHandler>());
        DecorateResultHandler(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CookieAuthenticationOptions>, RevokeGrantsOnSignOut>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RazorPagesOptions>, StepUpPageRoutes>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, StepUpStartupValidator>());
        return new StepUpBuilder(services);
    }

    private static void DecorateResultHandler(IServiceCollection services)
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IAuthorizationMiddlewareResultHandler));
        if (existing is not null)
        {
            services.Remove(existing);
        }

        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(sp =>
        {
            IAuthorizationMiddlewareResultHandler inner = existing switch
            {
                null => new AuthorizationMiddlewareResultHandler(),
                { ImplementationInstance: IAuthorizationMiddlewareResultHandler instance } => instance,
                { ImplementationFactory: { } factory } => (IAuthorizationMiddlewareResultHandler)factory(sp),
                { ImplementationType: { } type } => (IAuthorizationMiddlewareResultHandler)ActivatorUtilities.CreateInstance(sp, type),
                _ => new AuthorizationMiddlewareResultHandler(),
            };
            return new StepUpAuthorizationResultHandler(inner, sp.GetRequiredService<StepUpChallengeWriter>());
        });
    }

    // Like Identity UI: the pages are added explicitly, so they are found whatever the entry assembly is.
    private static void AddStepUpPages(ApplicationPartManager partManager)
    {
        var assembly = typeof(StepUpOptions).Assembly;
        var factory = ApplicationPartFactory.GetApplicationPartFactory(assembly);
        foreach (var part in factory.GetApplicationParts(assembly))
        {
            if (!partManager.ApplicationParts.Any(p => p.GetType() == part.GetType() && p.Name == part.Name))
            {
                partManager.ApplicationParts.Add(part);
            }
        }
    }

    private sealed class StepUpMarker;
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore.Challenges;
using StepUp.AspNetCore.Channels;
using StepUp.AspNetCore.Development;
using StepUp.AspNetCore.Store;

namespace StepUp.AspNetCore;

/// <summary>
/// Stops the app at start-up when StepUp cannot work as configured: no phone channel, a directory-redirect requirement
/// without StepUp.OpenIdConnect, or development-only parts in Production. Each message says what to do.
/// </summary>
internal sealed class StepUpStartupValidator(IServiceProvider services, IHostEnvironment environment) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        Validate(app.ApplicationServices.GetRequiredService<IOptions<StepUpOptions>>().Value);
        next(app);
        ValidateEndpoints(app.ApplicationServices);
    };

    private void Validate(StepUpOptions options)
    {
        if (services.GetService<IPhoneChannel>() is null && services.GetService<IPhoneVerificationProvider>() is null)
        {
            throw new InvalidOperationException(
                "StepUp has no way to reach phones: call AddVonage() (StepUp.Vonage) or, in Development, AddDevelopmentOutbox() on the builder returned by AddStepUp().");
        }

        if (environment.IsProduction())
        {
            if (services.GetService<IStepUpStore>() is InMemoryStepUpStore)
            {
                throw new InvalidOperationException(
                    "StepUp's in-memory store is for development only and is refused in Production: call AddRedisStore() (StepUp.Redis) on the builder returned by AddStepUp().");
            }

            if (services.GetService<IPhoneChannel>() is DevelopmentOutboxChannel)
            {
                throw new InvalidOperationException(
                    "StepUp's development outbox shows codes on a page and is refused in Production: call AddVonage() (StepUp.Vonage) instead of AddDevelopmentOutbox().");
            }
        }

        if (options.Mode == StepUpMode.DirectoryRedirect && services.GetService<IDirectoryStepUpChallenge>() is null)
        {
            throw new InvalidOperationException(
                "StepUp:Mode is DirectoryRedirect but no directory redirect is registered: add StepUp.OpenIdConnect and call AddOpenIdConnectRedirect() on the builder returned by AddStepUp().");
        }
    }

    private static void ValidateEndpoints(IServiceProvider services)
    {
        if (services.GetService<IDirectoryStepUpChallenge>() is not null || services.GetService<EndpointDataSource>() is not { } endpoints)
        {
            return;
        }

        foreach (var endpoint in endpoints.Endpoints)
        {
            foreach (var data in endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizationRequirementData>())
            {
                foreach (var requirement in data.GetRequirements())
                {
                    if (requirement is PhoneMfaRequirement { Mode: StepUpMode.DirectoryRedirect })
                    {
                        throw new InvalidOperationException(
                            $"Endpoint '{endpoint.DisplayName}' requires phone MFA in DirectoryRedirect mode but no directory redirect is registered: " +
                            "add StepUp.OpenIdConnect and call AddOpenIdConnectRedirect() on the builder returned by AddStepUp().");
                    }
                }
            }
        }
    }
}

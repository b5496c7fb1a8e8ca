using Microsoft.Extensions.DependencyInjection;

namespace StepUp.AspNetCore;

/// <summary>Configures StepUp's store, channels and directory integration. Returned by <c>AddStepUp</c>.</summary>
public sealed class StepUpBuilder
{
    /// <summary>Creates a builder over <paramref name="services"/>.</summary>
    public StepUpBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>The app's services.</summary>
    public IServiceCollection Services { get; }
}

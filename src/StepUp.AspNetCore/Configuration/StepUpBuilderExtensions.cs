using Microsoft.Extensions.DependencyInjection.Extensions;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.AspNetCore.Development;
using StepUp.AspNetCore.Store;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Choices on the <see cref="StepUpBuilder"/> that ship with StepUp.AspNetCore.</summary>
public static class StepUpBuilderExtensions
{
    /// <summary>
    /// Uses the in-memory store (the default when no other store is added). Single instance only; refused in Production.
    /// </summary>
    public static StepUpBuilder AddInMemoryStore(this StepUpBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IStepUpStore>();
        builder.Services.AddSingleton<IStepUpStore, InMemoryStepUpStore>();
        return builder;
    }

    /// <summary>
    /// Delivers codes to the development outbox instead of phones: listed at <c>/stepup/dev/outbox</c> and written to the log
    /// in Development. Refused in Production.
    /// </summary>
    public static StepUpBuilder AddDevelopmentOutbox(this StepUpBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<DevelopmentOutbox>();
        builder.Services.RemoveAll<IPhoneChannel>();
        builder.Services.AddSingleton<IPhoneChannel, DevelopmentOutboxChannel>();
        return builder;
    }
}

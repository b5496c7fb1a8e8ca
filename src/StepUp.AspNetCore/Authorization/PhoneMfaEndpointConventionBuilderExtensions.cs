using StepUp.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>RequirePhoneMfa()</c> for minimal-API endpoints and route groups.</summary>
public static class PhoneMfaEndpointConventionBuilderExtensions
{
    /// <summary>Requires a fresh phone second factor for the endpoint(s); composes with <c>RequireAuthorization</c>.</summary>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="maxAge">How recent it must be; <see langword="null"/> for the app default.</param>
    /// <param name="channels">Allowed channels; <see cref="PhoneChannels.None"/> for the app default.</param>
    /// <param name="mode">How to satisfy it; <see cref="StepUpMode.Default"/> for the app default.</param>
    public static TBuilder RequirePhoneMfa<TBuilder>(
        this TBuilder builder,
        TimeSpan? maxAge = null,
        PhoneChannels channels = PhoneChannels.None,
        StepUpMode mode = StepUpMode.Default)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var data = new PhoneMfaRequirementData(new PhoneMfaRequirement(maxAge, channels, mode));
        builder.Add(endpoint => endpoint.Metadata.Add(data));
        return builder;
    }
}

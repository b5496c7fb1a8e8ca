using System.Globalization;
using Microsoft.AspNetCore.Authentication;

namespace StepUp.OpenIdConnect;

/// <summary>
/// What StepUp keeps in the <see cref="AuthenticationProperties"/> of a step-up challenge (they travel in the protected
/// <c>state</c> and come back with the directory's answer). Apps with their own <c>OnRemoteFailure</c> can use
/// <see cref="IsStepUp"/> to leave step-up failures to StepUp.
/// </summary>
public static class OpenIdConnectRedirectProperties
{
    internal const string Marker = ".stepup.directory";
    internal const string MaxAge = ".stepup.max_age";
    internal const string Policy = ".stepup.policy";
    internal const string AcrValues = ".stepup.acr_values";
    internal const string UserId = ".stepup.user";

    /// <summary>Whether <paramref name="properties"/> belong to a StepUp step-up challenge.</summary>
    public static bool IsStepUp(AuthenticationProperties? properties) => properties?.Items.ContainsKey(Marker) == true;

    internal static TimeSpan? GetMaxAge(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(MaxAge, out var value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    internal static void SetMaxAge(AuthenticationProperties properties, TimeSpan maxAge) =>
        properties.Items[MaxAge] = ((long)Math.Ceiling(maxAge.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

namespace StepUp.AspNetCore;

/// <summary>Default values, names and paths used by StepUp.</summary>
public static class StepUpDefaults
{
    /// <summary>The configuration section bound by <c>AddStepUp(IConfiguration)</c> in examples: <c>StepUp</c>.</summary>
    public const string ConfigurationSection = "StepUp";

    /// <summary>The default path of the step-up page.</summary>
    public const string StepUpPath = "/stepup";

    /// <summary>The default path prefix of the JSON API.</summary>
    public const string ApiPath = "/stepup/api";

    /// <summary>The default <c>acr_values</c> of RFC 9470 challenges.</summary>
    public const string AcrValues = "phone-mfa";

    /// <summary>The RFC 9470 error code.</summary>
    public const string InsufficientUserAuthentication = "insufficient_user_authentication";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> StepUp reports on.</summary>
    public const string MeterName = "StepUp";
}

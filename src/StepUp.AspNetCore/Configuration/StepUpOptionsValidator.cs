using System.Globalization;
using Microsoft.Extensions.Options;

namespace StepUp.AspNetCore;

/// <summary>Validates <see cref="StepUpOptions"/> at start-up; every message names the setting (<c>StepUp:Key</c>).</summary>
internal sealed class StepUpOptionsValidator : IValidateOptions<StepUpOptions>
{
    private const string Section = StepUpDefaults.ConfigurationSection + ":";

    public ValidateOptionsResult Validate(string? name, StepUpOptions options)
    {
        var failures = new List<string>();

        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{Section}{key} must be a positive time span (for example \"00:05:00\"); it is {value}.");
            }
        }

        void AtLeast(int value, int minimum, string key)
        {
            if (value < minimum)
            {
                failures.Add($"{Section}{key} must be at least {minimum}; it is {value}.");
            }
        }

        Positive(options.DefaultMaxAge, nameof(options.DefaultMaxAge));
        Positive(options.CodeLifetime, nameof(options.CodeLifetime));
        Positive(options.FailureWindow, nameof(options.FailureWindow));
        Positive(options.SendWindow, nameof(options.SendWindow));
        Positive(options.GrantLifetime, nameof(options.GrantLifetime));
        if (options.ResendCooldown < TimeSpan.Zero)
        {
            failures.Add($"{Section}{nameof(options.ResendCooldown)} must not be negative.");
        }

        if (options.MaxResendCooldown < options.ResendCooldown)
        {
            failures.Add($"{Section}{nameof(options.MaxResendCooldown)} must be at least {Section}{nameof(options.ResendCooldown)}.");
        }

        if (options.CodeLength is < 6 or > 10)
        {
            failures.Add($"{Section}{nameof(options.CodeLength)} must be between 6 and 10; it is {options.CodeLength}.");
        }

        if (options.CodeLifetime > TimeSpan.FromMinutes(30))
        {
            failures.Add($"{Section}{nameof(options.CodeLifetime)} must be 30 minutes or less; it is {options.CodeLifetime}.");
        }

        AtLeast(options.MaxAttemptsPerCode, 1, nameof(options.MaxAttemptsPerCode));
        AtLeast(options.MaxFailuresPerUser, options.MaxAttemptsPerCode, nameof(options.MaxFailuresPerUser));
        AtLeast(options.MaxSendsPerUser, 1, nameof(options.MaxSendsPerUser));
        AtLeast(options.MaxSendsPerPhoneNumber, 1, nameof(options.MaxSendsPerPhoneNumber));
        AtLeast(options.MaxSendsPerClientAddress, 1, nameof(options.MaxSendsPerClientAddress));

        if (options.DefaultMaxAge > options.GrantLifetime)
        {
            failures.Add($"{Section}{nameof(options.DefaultMaxAge)} ({options.DefaultMaxAge}) must not exceed {Section}{nameof(options.GrantLifetime)} ({options.GrantLifetime}).");
        }

        if (options.AllowedChannels == PhoneChannels.None || ((int)options.AllowedChannels & ~(int)PhoneChannels.All) != 0)
        {
            failures.Add($"{Section}{nameof(options.AllowedChannels)} must be Sms, Voice or \"Sms, Voice\"; it is {options.AllowedChannels}.");
        }

        if (options.Mode is not (StepUpMode.InApp or StepUpMode.DirectoryRedirect))
        {
            failures.Add($"{Section}{nameof(options.Mode)} must be InApp or DirectoryRedirect; it is {options.Mode}.");
        }

        var regions = PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions();
        for (var i = 0; i < options.AllowedCountries.Count; i++)
        {
            if (!regions.Contains(options.AllowedCountries[i].ToUpperInvariant()))
            {
                failures.Add($"{Section}{nameof(options.AllowedCountries)}:{i} '{options.AllowedCountries[i]}' is not a region code such as NL or GB.");
            }
        }

        if (options.DefaultRegion is { } region && !regions.Contains(region.ToUpperInvariant()))
        {
            failures.Add($"{Section}{nameof(options.DefaultRegion)} '{region}' is not a region code such as NL or GB.");
        }

        foreach (var (value, key) in new[] { (options.StepUpPath, nameof(options.StepUpPath)), (options.ApiPath, nameof(options.ApiPath)) })
        {
            if (string.IsNullOrEmpty(value) || value[0] != '/' || value.Length < 2 || value.EndsWith('/') || value.Contains("//", StringComparison.Ordinal))
            {
                failures.Add($"{Section}{key} must be a path such as \"/stepup\"; it is '{value}'.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.AcrValues) || options.AcrValues.Contains('"', StringComparison.Ordinal))
        {
            failures.Add($"{Section}{nameof(options.AcrValues)} must be a non-empty value without quotes.");
        }

        if (options.UserIdClaimTypes.Count == 0)
        {
            failures.Add($"{Section}{nameof(options.UserIdClaimTypes)} must name at least one claim type.");
        }

        if (options.Events is null)
        {
            failures.Add($"{Section}{nameof(options.Events)} must not be null.");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(f => f.ToString(CultureInfo.InvariantCulture)));
    }
}

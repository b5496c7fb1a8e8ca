using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore;
using StepUp.Vonage.Authentication;

namespace StepUp.Vonage;

/// <summary>
/// Validates <see cref="VonageOptions"/> at start-up. Every message names the setting (<c>StepUp:Vonage:ApiKey</c> …) and
/// none contains a secret.
/// </summary>
internal sealed class VonageOptionsValidator(IOptions<StepUpOptions> stepUpOptions, VonageRegistration registration) : IValidateOptions<VonageOptions>
{
    private const string Section = VonageDefaults.ConfigurationSection + ":";
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);

    public ValidateOptionsResult Validate(string? name, VonageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        void Require(string? value, string key, string why)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{Section}{key} is required {why}.");
            }
        }

        void RequireKey(string why)
        {
            if (!VonagePrivateKey.IsConfigured(options))
            {
                failures.Add($"{Section}{nameof(VonageOptions.PrivateKey)} (or {Section}{nameof(VonageOptions.PrivateKeyPath)}) is required {why}.");
            }
        }

        void Between(TimeSpan value, TimeSpan min, TimeSpan max, string key)
        {
            if (value < min || value > max)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}{key} must be between {min} and {max}; it is {value}."));
            }
        }

        switch (options.Mode)
        {
            case VonageMode.Messages:
                const string ForTexts = "for Mode Messages (text messages)";
                Require(options.ApiKey, nameof(options.ApiKey), ForTexts);
                Require(options.ApiSecret, nameof(options.ApiSecret), ForTexts);
                Require(options.SmsFrom, nameof(options.SmsFrom), ForTexts);
                if (stepUpOptions.Value.AllowedChannels.Allows(PhoneChannel.Voice))
                {
                    const string ForCalls = "for voice calls (Mode Messages with StepUp:AllowedChannels including Voice)";
                    Require(options.ApplicationId, nameof(options.ApplicationId), ForCalls);
                    RequireKey(ForCalls);
                }

                break;

            case VonageMode.Verify when options.VerifyAuthentication == VonageVerifyAuthentication.Basic:
                const string ForBasic = "for Mode Verify with VerifyAuthentication Basic";
                Require(options.ApiKey, nameof(options.ApiKey), ForBasic);
                Require(options.ApiSecret, nameof(options.ApiSecret), ForBasic);
                break;

            case VonageMode.Verify when options.VerifyAuthentication == VonageVerifyAuthentication.Jwt:
                const string ForJwt = "for Mode Verify with VerifyAuthentication Jwt";
                Require(options.ApplicationId, nameof(options.ApplicationId), ForJwt);
                RequireKey(ForJwt);
                break;

            case VonageMode.Verify:
                failures.Add($"{Section}{nameof(options.VerifyAuthentication)} must be Basic or Jwt; it is {options.VerifyAuthentication}.");
                break;

            default:
                failures.Add($"{Section}{nameof(options.Mode)} must be Messages or Verify; it is {options.Mode}.");
                break;
        }

        if (Enum.IsDefined(options.Mode) && options.Mode != registration.Mode)
        {
            failures.Add($"{Section}{nameof(options.Mode)} is {options.Mode}, but AddVonage() registered the {registration.Mode} services: " +
                "set the mode in the configuration or the delegate given to AddVonage(), not later.");
        }

        if (VonagePrivateKey.IsConfigured(options))
        {
            using var key = VonagePrivateKey.TryLoad(options, out var error);
            if (error is not null)
            {
                failures.Add(error);
            }
        }

        if (options.SmsFrom is { Length: > 0 } from && !IsSender(from))
        {
            failures.Add($"{Section}{nameof(options.SmsFrom)} must be a number in E.164 (7 to 15 digits, '+' optional) or an alphanumeric sender id of up to 11 letters, digits or spaces.");
        }

        if (options.VoiceFrom is { Length: > 0 } voiceFrom && !IsNumber(voiceFrom))
        {
            failures.Add($"{Section}{nameof(options.VoiceFrom)} must be a Vonage number in E.164 (7 to 15 digits, '+' optional).");
        }

        if (options.VerifyBrand is { } brand && (brand.Length is 0 or > 18 || brand.IndexOfAny(['/', '{', '}', ':', '$']) >= 0))
        {
            failures.Add($"{Section}{nameof(options.VerifyBrand)} must be 1 to 18 characters without / {{ }} : or $.");
        }

        if (options.VoiceStyle is < 0)
        {
            failures.Add($"{Section}{nameof(options.VoiceStyle)} must not be negative.");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultVoiceLanguage))
        {
            failures.Add($"{Section}{nameof(options.DefaultVoiceLanguage)} must be a language such as en-US.");
        }

        Between(options.VerifyChannelTimeout, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(900), nameof(options.VerifyChannelTimeout));
        Between(options.CallLengthLimit, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10), nameof(options.CallLengthLimit));
        Between(options.JwtLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), nameof(options.JwtLifetime));
        Between(options.TotalTimeout, MinimumTimeout, TimeSpan.FromMinutes(1), nameof(options.TotalTimeout));
        Between(options.AttemptTimeout, MinimumTimeout, options.TotalTimeout < MinimumTimeout ? MinimumTimeout : options.TotalTimeout, nameof(options.AttemptTimeout));
        Between(options.RetryMaxDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1), nameof(options.RetryMaxDelay));
        Between(options.RetryDelay, TimeSpan.Zero, options.RetryMaxDelay < TimeSpan.Zero ? TimeSpan.Zero : options.RetryMaxDelay, nameof(options.RetryDelay));
        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}{nameof(options.MaxAttempts)} must be between 1 and 10; it is {options.MaxAttempts}."));
        }

        foreach (var (url, key) in new[] { (options.SmsBaseUrl, nameof(options.SmsBaseUrl)), (options.ApiBaseUrl, nameof(options.ApiBaseUrl)) })
        {
            if (url is null || !url.IsAbsoluteUri || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url))) ||
                !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.UserInfo))
            {
                failures.Add($"{Section}{key} must be an absolute https URL without query or user info (http only on loopback); it is '{url}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static bool IsNumber(string value)
    {
        var digits = value.StartsWith('+') ? value[1..] : value;
        return digits.Length is >= 7 and <= 15 && digits.All(char.IsAsciiDigit);
    }

    private static bool IsSender(string value) =>
        IsNumber(value) ||
        (value.Length <= 11 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == ' ') && value.Trim().Length > 0);
}

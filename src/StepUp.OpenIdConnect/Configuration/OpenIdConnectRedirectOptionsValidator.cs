using Microsoft.Extensions.Options;

namespace StepUp.OpenIdConnect.Configuration;

/// <summary>Validates <see cref="OpenIdConnectRedirectOptions"/> at start-up; every message names the setting (<c>StepUp:OpenIdConnect:Key</c>).</summary>
internal sealed class OpenIdConnectRedirectOptionsValidator : IValidateOptions<OpenIdConnectRedirectOptions>
{
    private const string Section = OpenIdConnectRedirectDefaults.ConfigurationSection + ":";
    private const int MaxAllowedValues = 16;

    public ValidateOptionsResult Validate(string? name, OpenIdConnectRedirectOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Scheme))
        {
            failures.Add($"{Section}{nameof(options.Scheme)} must name the app's OpenID Connect scheme.");
        }

        switch (options.Dialect)
        {
            case DirectoryDialect.AzureAdB2C:
                if (string.IsNullOrWhiteSpace(options.MfaPolicy) || !IsPolicyId(options.MfaPolicy))
                {
                    failures.Add($"{Section}{nameof(options.MfaPolicy)} must be the B2C policy with MFA (letters, digits, _ and -), e.g. B2C_1_SiIn_MFA; it is '{options.MfaPolicy}'.");
                }

                if (options.SignInPolicy is { } signIn && !IsPolicyId(signIn))
                {
                    failures.Add($"{Section}{nameof(options.SignInPolicy)} must be a B2C policy id such as B2C_1_SiIn; it is '{signIn}'.");
                }

                if (string.Equals(options.SignInPolicy, options.MfaPolicy, StringComparison.OrdinalIgnoreCase) && options.SignInPolicy is not null)
                {
                    failures.Add($"{Section}{nameof(options.MfaPolicy)} must differ from {Section}{nameof(options.SignInPolicy)}.");
                }

                AllowList(options.AllowedMfaPolicies, nameof(options.AllowedMfaPolicies), IsPolicyId);
                break;

            case DirectoryDialect.AcrValues:
                if (options.AcrValues is { } acr && (acr.Contains('"', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(acr)))
                {
                    failures.Add($"{Section}{nameof(options.AcrValues)} must be space-separated values without quotes.");
                }

                AllowList(options.AllowedAcrValues, nameof(options.AllowedAcrValues), v => !string.IsNullOrWhiteSpace(v) && !v.Contains(' ', StringComparison.Ordinal));
                break;

            default:
                failures.Add($"{Section}{nameof(options.Dialect)} must be AzureAdB2C or AcrValues; it is {options.Dialect}.");
                break;
        }

        if (options.Prompt is { } prompt && (string.IsNullOrWhiteSpace(prompt) || prompt.Contains('"', StringComparison.Ordinal)))
        {
            failures.Add($"{Section}{nameof(options.Prompt)} must be a prompt value such as 'login'.");
        }

        if (string.IsNullOrEmpty(options.ResultPath) || options.ResultPath[0] != '/' || options.ResultPath.Length < 2 ||
            options.ResultPath.EndsWith('/') || options.ResultPath.Contains("//", StringComparison.Ordinal))
        {
            failures.Add($"{Section}{nameof(options.ResultPath)} must be a path such as \"/stepup/directory\"; it is '{options.ResultPath}'.");
        }

        if (options.Events is null)
        {
            failures.Add($"{Section}{nameof(options.Events)} must not be null.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void AllowList(IList<string> values, string key, Func<string, bool> valid)
        {
            if (values.Count > MaxAllowedValues)
            {
                failures.Add($"{Section}{key} may list at most {MaxAllowedValues} values; it lists {values.Count}.");
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (!valid(values[i]))
                {
                    failures.Add($"{Section}{key}:{i} '{values[i]}' is not a valid value.");
                }
            }
        }
    }

    private static bool IsPolicyId(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace StepUp.Redis;

/// <summary>
/// Validates <see cref="RedisStepUpStoreOptions"/> at start-up; every message names the setting (<c>StepUp:Redis:Key</c>).
/// Messages never repeat a configuration string: it may hold a password.
/// </summary>
internal sealed class RedisStepUpStoreOptionsValidator(IServiceProvider services) : IValidateOptions<RedisStepUpStoreOptions>
{
    private const string Section = RedisStepUpDefaults.ConfigurationSection + ":";
    private const string ConnectionString = "ConnectionStrings:" + RedisStepUpDefaults.ConnectionStringName;

    public ValidateOptionsResult Validate(string? name, RedisStepUpStoreOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrEmpty(options.KeyPrefix) || options.KeyPrefix.Length > 64 || !options.KeyPrefix.All(IsPrefixCharacter))
        {
            failures.Add($"{Section}{nameof(options.KeyPrefix)} must be 1 to 64 letters, digits or ':', '.', '_', '-' (braces would break Redis Cluster hash tags); it is '{options.KeyPrefix}'.");
        }

        if (options.GrantCacheDuration < TimeSpan.Zero || options.GrantCacheDuration > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}{nameof(options.GrantCacheDuration)} must be between zero (off) and one minute (for example \"00:00:05\"); it is {options.GrantCacheDuration}.");
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.OperationTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}{nameof(options.OperationTimeout)} must be more than zero and at most one minute (for example \"00:00:02\"); it is {options.OperationTimeout}.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.ConnectTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}{nameof(options.ConnectTimeout)} must be more than zero and at most one minute (for example \"00:00:05\"); it is {options.ConnectTimeout}.");
        }

        if (options.VerifiedPhoneLifetime < TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}{nameof(options.VerifiedPhoneLifetime)} must be at least one minute (for example \"400.00:00:00\"); it is {options.VerifiedPhoneLifetime}.");
        }

        if (options.DataProtectionKeysKey is { } dataProtectionKey && string.IsNullOrWhiteSpace(dataProtectionKey))
        {
            failures.Add($"{Section}{nameof(options.DataProtectionKeysKey)} must not be blank; leave it unset for '{options.KeyPrefix}{RedisStepUpDefaults.DataProtectionKeysName}'.");
        }

        if (options.Configuration is { } configuration)
        {
            try
            {
                if (ConfigurationOptions.Parse(configuration).EndPoints.Count == 0)
                {
                    failures.Add($"{Section}{nameof(options.Configuration)} (or {ConnectionString}) names no Redis server; use for example \"localhost:6379\".");
                }
            }
            catch (ArgumentException)
            {
                failures.Add($"{Section}{nameof(options.Configuration)} (or {ConnectionString}) is not a valid StackExchange.Redis configuration string; use for example \"localhost:6379,password=…\".");
            }
        }
        else if (!RedisStepUpStoreOptionsSetup.UsesAppMultiplexer(services) && services.GetService<IHostEnvironment>() is { } environment && !environment.IsDevelopment())
        {
            failures.Add(
                $"AddRedisStore() found no Redis connection: set {ConnectionString} (or {Section}{nameof(options.Configuration)}), or register an IConnectionMultiplexer. " +
                "Without one StepUp would fall back to its in-memory store, which is for Development only.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPrefixCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is ':' or '.' or '_' or '-';
}

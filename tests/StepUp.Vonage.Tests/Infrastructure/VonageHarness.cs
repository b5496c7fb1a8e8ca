using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.Vonage.Tests.FakeVonage;

namespace StepUp.Vonage.Tests.Infrastructure;

/// <summary>
/// StepUp with AddVonage() pointed at a fresh <see cref="FakeVonageServer"/>, tiny retry delays, and every log line captured.
/// </summary>
internal sealed class VonageHarness : IAsyncDisposable
{
    public const string PhoneNumber = "+31612345678";
    public const string Code = "482915";

    private VonageHarness(FakeVonageServer vonage, ServiceProvider services)
    {
        Vonage = vonage;
        Services = services;
    }

    public FakeVonageServer Vonage { get; }

    public ServiceProvider Services { get; }

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public IPhoneChannel Channel => Services.GetRequiredService<IPhoneChannel>();

    public IPhoneVerificationProvider Provider => Services.GetRequiredService<IPhoneVerificationProvider>();

    public static async Task<VonageHarness> StartAsync(Action<VonageOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var vonage = await FakeVonageServer.StartAsync();
        var collection = new ServiceCollection();
        collection.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = false);
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services?.Invoke(collection);
        collection.AddStepUp().AddVonage(o =>
        {
            Configure(o, vonage);
            configure?.Invoke(o);
        });
        return new VonageHarness(vonage, collection.BuildServiceProvider());
    }

    /// <summary>Working options for <paramref name="vonage"/>: every credential, tiny delays, a generous budget.</summary>
    public static void Configure(VonageOptions options, FakeVonageServer vonage)
    {
        var credentials = vonage.Credentials;
        options.ApiKey = credentials.ApiKey;
        options.ApiSecret = credentials.ApiSecret;
        options.ApplicationId = credentials.ApplicationId;
        options.PrivateKey = credentials.PrivateKeyPem;
        options.SmsFrom = "StepUpBank";
        options.SmsBaseUrl = vonage.BaseUrl;
        options.ApiBaseUrl = vonage.BaseUrl;
        options.MaxAttempts = 3;
        options.RetryDelay = TimeSpan.FromMilliseconds(1);
        options.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
        options.AttemptTimeout = TimeSpan.FromSeconds(10);
        options.TotalTimeout = TimeSpan.FromSeconds(30);
    }

    /// <summary>A code message as StepUp composes it.</summary>
    public PhoneMessage CodeMessage(string culture = "en-US", string? transaction = null) =>
        Services.GetRequiredService<PhoneMessageComposer>().ComposeCode(
            PhoneNumber, Code, "Contoso Bank", "bank.example", transaction, TimeSpan.FromMinutes(5), CultureInfo.GetCultureInfo(culture), "chal0123-_abcDEF456789");

    /// <summary>What StepUp asks Verify to start.</summary>
    public static ProviderVerificationRequest VerifyRequest(PhoneChannel channel = PhoneChannel.Sms, string culture = "nl-NL") => new()
    {
        To = PhoneNumber,
        Channel = channel,
        CodeLength = 6,
        Culture = CultureInfo.GetCultureInfo(culture),
        Brand = "Contoso Bank",
        ClientReference = "chal0123-_abcDEF456789",
    };

    /// <summary>Everything that left StepUp or was logged: no secret, full number or code may be in it.</summary>
    public string EverythingLoggedAndEveryUrl() =>
        string.Join('\n', Logs.GetSnapshot().Select(r => r.Message + " " + r.Exception)) + "\n" + string.Join('\n', Vonage.Requests.Select(r => r.Url));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Vonage.DisposeAsync();
    }
}

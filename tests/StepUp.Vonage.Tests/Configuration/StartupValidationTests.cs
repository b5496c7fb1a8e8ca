using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.Vonage.Tests.FakeVonage;
using StepUp.Vonage.Tests.Infrastructure;

namespace StepUp.Vonage.Tests.Configuration;

/// <summary>A misconfigured Vonage stops the app at start-up with a message that names the setting and holds no secret.</summary>
public sealed class StartupValidationTests
{
    private static readonly Uri LocalVonage = new("http://127.0.0.1:9/");

    private static IHost Host(Action<VonageOptions> configure, Action<StepUpOptions>? stepUp = null) =>
        new HostBuilder()
            .UseEnvironment(Environments.Development)
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services => services.AddStepUp(o => stepUp?.Invoke(o)).AddVonage(o =>
                {
                    Valid(o);
                    configure(o);
                }))
                .Configure(_ => { }))
            .Build();

    private static void Valid(VonageOptions o)
    {
        var credentials = FakeVonageCredentials.Instance;
        o.ApiKey = credentials.ApiKey;
        o.ApiSecret = credentials.ApiSecret;
        o.ApplicationId = credentials.ApplicationId;
        o.PrivateKey = credentials.PrivateKeyPem;
        o.SmsFrom = "StepUpBank";
        o.SmsBaseUrl = LocalVonage;
        o.ApiBaseUrl = LocalVonage;
    }

    private static async Task<string> StartupFailureAsync(Action<VonageOptions> configure, Action<StepUpOptions>? stepUp = null)
    {
        using var host = Host(configure, stepUp);
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Test.Ct));
        return failure.Message;
    }

    private static async Task StartsAsync(Action<VonageOptions> configure, Action<StepUpOptions>? stepUp = null)
    {
        using var host = Host(configure, stepUp);
        await host.StartAsync(Test.Ct);
        await host.StopAsync(Test.Ct);
    }

    [Fact]
    public Task AValidConfigurationStarts() => StartsAsync(_ => { });

    [Theory]
    [InlineData(nameof(VonageOptions.ApiKey))]
    [InlineData(nameof(VonageOptions.ApiSecret))]
    [InlineData(nameof(VonageOptions.SmsFrom))]
    [InlineData(nameof(VonageOptions.ApplicationId))]
    public async Task AMissingMessagesSettingStopsTheAppNamingIt(string setting)
    {
        var message = await StartupFailureAsync(o => typeof(VonageOptions).GetProperty(setting)!.SetValue(o, null));

        Assert.Contains($"StepUp:Vonage:{setting} is required", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingPrivateKeyStopsTheAppWhenCallsAreAllowed()
    {
        var message = await StartupFailureAsync(o => o.PrivateKey = null);

        Assert.Contains("StepUp:Vonage:PrivateKey (or StepUp:Vonage:PrivateKeyPath) is required for voice calls", message, StringComparison.Ordinal);
    }

    [Fact]
    public Task ApplicationCredentialsAreNotNeededWhenOnlyTextsAreAllowed() =>
        StartsAsync(
            o =>
            {
                o.ApplicationId = null;
                o.PrivateKey = null;
            },
            s => s.AllowedChannels = PhoneChannels.Sms);

    [Fact]
    public async Task VerifyWithBasicAuthenticationNeedsTheApiKeyAndSecretOnly()
    {
        var message = await StartupFailureAsync(o =>
        {
            o.Mode = VonageMode.Verify;
            o.ApiSecret = null;
            o.ApplicationId = null;
            o.PrivateKey = null;
        });

        Assert.Contains("StepUp:Vonage:ApiSecret is required for Mode Verify with VerifyAuthentication Basic", message, StringComparison.Ordinal);
        Assert.DoesNotContain("ApplicationId", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyWithJwtAuthenticationNeedsTheApplicationIdAndKeyOnly()
    {
        var message = await StartupFailureAsync(o =>
        {
            o.Mode = VonageMode.Verify;
            o.VerifyAuthentication = VonageVerifyAuthentication.Jwt;
            o.ApiKey = null;
            o.ApiSecret = null;
            o.ApplicationId = null;
        });

        Assert.Equal(
            "StepUp:Vonage:ApplicationId is required for Mode Verify with VerifyAuthentication Jwt.",
            Assert.Single(message.Split("; ")));
    }

    [Fact]
    public async Task APrivateKeyThatIsNotPemStopsTheAppWithoutEchoingIt()
    {
        var message = await StartupFailureAsync(o => o.PrivateKey = "not-a-key-but-a-s3cret-value");

        Assert.Contains("StepUp:Vonage:PrivateKey is not an RSA private key in PEM format", message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APublicKeyInsteadOfThePrivateKeyStopsTheApp()
    {
        var message = await StartupFailureAsync(o => o.PrivateKey = FakeVonageCredentials.Instance.PublicKeyPem);

        Assert.Contains("StepUp:Vonage:PrivateKey is not an RSA private key", message, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN PUBLIC KEY", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWeakKeyStopsTheApp()
    {
        using var weak = RSA.Create(1024);

        var message = await StartupFailureAsync(o => o.PrivateKey = weak.ExportPkcs8PrivateKeyPem());

        Assert.Contains("StepUp:Vonage:PrivateKey is a 1024-bit RSA key; at least 2048 bits are required.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyFileIsReadAndAMissingOneStopsTheApp()
    {
        var path = Path.Combine(Path.GetTempPath(), "stepup-vonage-" + Guid.NewGuid().ToString("N") + ".key");
        await File.WriteAllTextAsync(path, FakeVonageCredentials.Instance.PrivateKeyPem, Test.Ct);
        try
        {
            await StartsAsync(o =>
            {
                o.PrivateKey = null;
                o.PrivateKeyPath = path;
            });
        }
        finally
        {
            File.Delete(path);
        }

        var message = await StartupFailureAsync(o =>
        {
            o.PrivateKey = null;
            o.PrivateKeyPath = path;
        });
        Assert.Contains("StepUp:Vonage:PrivateKeyPath names a file that cannot be read", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyGivenTwiceStopsTheApp()
    {
        var message = await StartupFailureAsync(o => o.PrivateKeyPath = "/run/secrets/vonage.key");

        Assert.Contains("Set either StepUp:Vonage:PrivateKey or StepUp:Vonage:PrivateKeyPath, not both.", message, StringComparison.Ordinal);
    }

    [Fact]
    public Task APemOnOneLineWithEscapedNewlinesIsAccepted() =>
        StartsAsync(o => o.PrivateKey = FakeVonageCredentials.Instance.PrivateKeyPem.ReplaceLineEndings("\\n"));

    [Theory]
    [InlineData("http://rest.nexmo.com/")]
    [InlineData("https://user:pass@rest.nexmo.com/")]
    [InlineData("https://rest.nexmo.com/?api_secret=x")]
    public async Task AnInsecureBaseUrlStopsTheApp(string url)
    {
        var message = await StartupFailureAsync(o => o.SmsBaseUrl = new Uri(url));

        Assert.Contains("StepUp:Vonage:SmsBaseUrl must be an absolute https URL", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SmsFrom", "+31 6 1234")]
    [InlineData("SmsFrom", "ContosoBankNL")]
    [InlineData("VoiceFrom", "ContosoBank")]
    [InlineData("VerifyBrand", "https://bank.example")]
    public async Task AMalformedSenderOrBrandStopsTheApp(string setting, string value)
    {
        var message = await StartupFailureAsync(o => typeof(VonageOptions).GetProperty(setting)!.SetValue(o, value));

        Assert.Contains($"StepUp:Vonage:{setting} must be", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImpossibleRetrySettingsStopTheApp()
    {
        var message = await StartupFailureAsync(o =>
        {
            o.MaxAttempts = 0;
            o.AttemptTimeout = TimeSpan.FromSeconds(20);
            o.TotalTimeout = TimeSpan.FromSeconds(10);
            o.VerifyChannelTimeout = TimeSpan.FromSeconds(5);
        });

        Assert.Contains("StepUp:Vonage:MaxAttempts must be between 1 and 10; it is 0.", message, StringComparison.Ordinal);
        Assert.Contains("StepUp:Vonage:AttemptTimeout must be between", message, StringComparison.Ordinal);
        Assert.Contains("StepUp:Vonage:VerifyChannelTimeout must be between", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingTheModeAfterAddVonageStopsTheApp()
    {
        using var host = new HostBuilder()
            .UseEnvironment(Environments.Development)
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services =>
                {
                    services.AddStepUp().AddVonage(Valid);
                    services.Configure<VonageOptions>(o => o.Mode = VonageMode.Verify);
                })
                .Configure(_ => { }))
            .Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Test.Ct));

        Assert.Contains("StepUp:Vonage:Mode is Verify, but AddVonage() registered the Messages services", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheModeAndCredentialsAreReadFromTheConfigurationSection()
    {
        var credentials = FakeVonageCredentials.Instance;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StepUp:Vonage:Mode"] = "Verify",
            ["StepUp:Vonage:ApiKey"] = credentials.ApiKey,
            ["StepUp:Vonage:ApiSecret"] = credentials.ApiSecret,
            ["StepUp:Vonage:ApiBaseUrl"] = LocalVonage.ToString(),
            ["StepUp:Vonage:SmsBaseUrl"] = LocalVonage.ToString(),
            ["StepUp:Vonage:VerifyChannelTimeout"] = "00:02:00",
        }).Build();
        using var host = new HostBuilder()
            .UseEnvironment(Environments.Development)
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services => services.AddStepUp().AddVonage(configuration.GetSection("StepUp:Vonage")))
                .Configure(_ => { }))
            .Build();

        await host.StartAsync(Test.Ct);

        var options = host.Services.GetRequiredService<IOptions<VonageOptions>>().Value;
        Assert.Equal(VonageMode.Verify, options.Mode);
        Assert.Equal(TimeSpan.FromMinutes(2), options.VerifyChannelTimeout);
        Assert.NotNull(host.Services.GetService<IPhoneVerificationProvider>());
        Assert.Null(host.Services.GetService<IPhoneChannel>());
        await host.StopAsync(Test.Ct);
    }

    [Fact]
    public void OptionsNeverPrintTheirSecrets()
    {
        var options = new VonageOptions();
        Valid(options);

        var printed = options.ToString();

        Assert.DoesNotContain(FakeVonageCredentials.Instance.ApiSecret, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", printed, StringComparison.Ordinal);
        Assert.Contains("ApiSecret = (redacted)", printed, StringComparison.Ordinal);
    }
}

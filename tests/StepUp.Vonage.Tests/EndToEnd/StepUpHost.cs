using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Store;
using StepUp.AspNetCore.Verification;
using StepUp.Vonage.Tests.FakeVonage;

namespace StepUp.Vonage.Tests.EndToEnd;

/// <summary>
/// An app as a developer writes it: a Development host, <c>AddStepUp(…).AddVonage(configuration.GetSection("StepUp:Vonage"))</c>,
/// configuration from key/value settings, Vonage replaced by the fake on loopback.
/// </summary>
internal sealed class StepUpHost : IAsyncDisposable
{
    private readonly IHost _host;

    private StepUpHost(IHost host, FakeVonageServer vonage)
    {
        _host = host;
        Vonage = vonage;
    }

    public FakeVonageServer Vonage { get; }

    public PhoneVerificationService Verification => _host.Services.GetRequiredService<PhoneVerificationService>();

    public FakeLogCollector Logs => _host.Services.GetFakeLogCollector();

    public static async Task<StepUpHost> StartAsync(string mode)
    {
        var vonage = await FakeVonageServer.StartAsync();
        var credentials = vonage.Credentials;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StepUp:Brand"] = "Contoso Bank",
            ["StepUp:ResendCooldown"] = "00:00:00",
            ["StepUp:MaxResendCooldown"] = "00:00:00",
            ["StepUp:Vonage:Mode"] = mode,
            ["StepUp:Vonage:ApiKey"] = credentials.ApiKey,
            ["StepUp:Vonage:ApiSecret"] = credentials.ApiSecret,
            ["StepUp:Vonage:ApplicationId"] = credentials.ApplicationId,
            ["StepUp:Vonage:PrivateKey"] = credentials.PrivateKeyPem,
            ["StepUp:Vonage:SmsFrom"] = "ContosoBank",
            ["StepUp:Vonage:SmsBaseUrl"] = vonage.BaseUrl.ToString(),
            ["StepUp:Vonage:ApiBaseUrl"] = vonage.BaseUrl.ToString(),
            ["StepUp:Vonage:RetryDelay"] = "00:00:00.001",
        }).Build();

        var host = new HostBuilder()
            .UseEnvironment(Environments.Development)
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services =>
                {
                    services.AddFakeLogging();
                    services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
                    services.AddStepUp(configuration.GetSection("StepUp")).AddVonage(configuration.GetSection("StepUp:Vonage"));
                })
                .Configure(_ => { }))
            .Build();
        await host.StartAsync(Infrastructure.Test.Ct);
        return new StepUpHost(host, vonage);
    }

    public Task<StartVerificationResult> EnrolAsync(PhoneChannel channel, string culture = "en-US") =>
        Verification.StartAsync(
            new StartVerificationRequest
            {
                UserId = "alice",
                Purpose = ChallengePurpose.Enrollment,
                Channel = channel,
                PhoneNumber = "+31 6 12345678",
                Origin = "bank.example",
                Culture = CultureInfo.GetCultureInfo(culture),
            },
            Infrastructure.Test.Ct);

    public Task<VerifyCodeResult> VerifyAsync(string challengeId, string code) =>
        Verification.VerifyAsync(new VerifyCodeRequest { UserId = "alice", ChallengeId = challengeId, Code = code }, Infrastructure.Test.Ct);

    /// <summary>Everything logged, and every URL called: no secret, full number or code may be in it.</summary>
    public string EverythingLoggedAndEveryUrl() =>
        string.Join('\n', Logs.GetSnapshot().Select(r => r.Message + " " + r.Exception)) + "\n" + string.Join('\n', Vonage.Requests.Select(r => r.Url));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(Infrastructure.Test.Ct);
        _host.Dispose();
        await Vonage.DisposeAsync();
    }
}

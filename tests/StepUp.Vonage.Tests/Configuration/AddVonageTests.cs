using Microsoft.Extensions.DependencyInjection;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.Vonage.Channels;
using StepUp.Vonage.Tests.FakeVonage;
using StepUp.Vonage.Tests.Infrastructure;
using StepUp.Vonage.VerifyV2;

namespace StepUp.Vonage.Tests.Configuration;

public sealed class AddVonageTests
{
    private static ServiceProvider Build(Action<StepUpBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        configure(services.AddStepUp());
        return services.BuildServiceProvider();
    }

    private static void Credentials(VonageOptions o)
    {
        var credentials = FakeVonageCredentials.Instance;
        o.ApiKey = credentials.ApiKey;
        o.ApiSecret = credentials.ApiSecret;
        o.SmsFrom = "StepUpBank";
        o.ApplicationId = credentials.ApplicationId;
        o.PrivateKey = credentials.PrivateKeyPem;
    }

    [Fact]
    public void MessagesModeRegistersAPhoneChannelAndNoVerificationProvider()
    {
        using var services = Build(b => b.AddVonage(Credentials));

        Assert.IsType<VonagePhoneChannel>(services.GetService<IPhoneChannel>());
        Assert.Null(services.GetService<IPhoneVerificationProvider>());
    }

    [Fact]
    public void VerifyModeRegistersTheProviderAndATextChannelForNoticesWhenTheSmsCredentialsAreSet()
    {
        using var services = Build(b => b.AddVonage(o =>
        {
            Credentials(o);
            o.Mode = VonageMode.Verify;
        }));

        Assert.IsType<VonageVerificationProvider>(services.GetService<IPhoneVerificationProvider>());
        Assert.IsType<VonagePhoneChannel>(services.GetService<IPhoneChannel>());
    }

    [Fact]
    public void VerifyModeWithoutSmsCredentialsRegistersNoChannel()
    {
        using var services = Build(b => b.AddVonage(o =>
        {
            Credentials(o);
            o.Mode = VonageMode.Verify;
            o.VerifyAuthentication = VonageVerifyAuthentication.Jwt;
            o.ApiKey = null;
            o.ApiSecret = null;
        }));

        Assert.NotNull(services.GetService<IPhoneVerificationProvider>());
        Assert.Null(services.GetService<IPhoneChannel>());
    }

    [Fact]
    public void AddVonageReplacesTheDevelopmentOutbox()
    {
        using var services = Build(b => b.AddDevelopmentOutbox().AddVonage(Credentials));

        Assert.IsType<VonagePhoneChannel>(Assert.Single(services.GetServices<IPhoneChannel>()));
    }

    [Fact]
    public async Task CallingAddVonageTwiceIsHarmlessAndTheLaterSettingsWin()
    {
        await using var vonage = await FakeVonageServer.StartAsync();
        using var services = Build(b => b
            .AddVonage(o => VonageHarness.Configure(o, vonage))
            .AddVonage(o => o.SmsFrom = "Contoso"));
        vonage.Script(FakeVonageServer.Sms, FakeReply.Status(503));

        var channel = Assert.Single(services.GetServices<IPhoneChannel>());
        var message = services.GetRequiredService<PhoneMessageComposer>().ComposePhoneChangedNotice(
            VonageHarness.PhoneNumber, "Contoso", System.Globalization.CultureInfo.InvariantCulture, "notice");
        var result = await channel.SendTextAsync(message, Test.Ct);

        Assert.True(result.Succeeded);
        var requests = vonage.RequestsTo(FakeVonageServer.Sms);
        Assert.Equal(2, requests.Count);
        Assert.Equal("Contoso", requests[1].Form["from"]);
    }
}

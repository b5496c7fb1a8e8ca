using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StepUp.Testing.Hosting;

namespace StepUp.AspNetCore.Tests.Configuration;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("CodeLength", "4", "StepUp:CodeLength must be between 6 and 10")]
    [InlineData("DefaultMaxAge", "-00:01:00", "StepUp:DefaultMaxAge must be a positive time span")]
    [InlineData("AllowedCountries:0", "Narnia", "StepUp:AllowedCountries:0 'Narnia' is not a region code")]
    [InlineData("StepUpPath", "stepup", "StepUp:StepUpPath must be a path")]
    [InlineData("MaxAttemptsPerCode", "0", "StepUp:MaxAttemptsPerCode must be at least 1")]
    public async Task ABadConfigurationStopsTheAppWithAMessageNamingTheKey(string key, string value, string message)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StepUpTestApp.StartAsync(services: s => s.Configure<StepUpOptions>(configuration)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectoryRedirectModeWithoutTheOpenIdConnectPackageStopsTheApp()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StepUpTestApp.StartAsync(services: s => s.Configure<StepUpOptions>(o => o.Mode = StepUpMode.DirectoryRedirect)));

        Assert.Contains("AddOpenIdConnectRedirect()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndpointInDirectoryRedirectModeWithoutThePackageStopsTheApp()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StepUpTestApp.StartAsync(endpoints: e => e.MapGet("/redirect-mode", () => "x").RequirePhoneMfa(mode: StepUpMode.DirectoryRedirect)));

        Assert.Contains("/redirect-mode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheInMemoryStoreAndTheOutboxAreRefusedInProduction()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StepUpTestApp.StartAsync(environment: "Production"));

        Assert.Contains("AddRedisStore()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAppWithoutAPhoneChannelIsToldToAddOne()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StepUpTestApp.StartAsync(
            stepUp: b => b.Services.RemoveAll<StepUp.AspNetCore.Channels.IPhoneChannel>()));

        Assert.Contains("AddVonage()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedMaxAgeOnTheAttributeSaysWhatIsWrong()
    {
        var error = Assert.Throws<FormatException>(() => new RequirePhoneMfaAttribute { MaxAge = "ten minutes" });

        Assert.Contains("\"00:10:00\"", error.Message, StringComparison.Ordinal);
    }
}

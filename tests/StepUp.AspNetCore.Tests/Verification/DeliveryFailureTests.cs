using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StepUp.AspNetCore.Channels;
using StepUp.AspNetCore.Development;
using StepUp.Testing.Hosting;

namespace StepUp.AspNetCore.Tests.Verification;

public sealed class DeliveryFailureTests
{
    /// <summary>A phone network where text messages to every number fail the given way; calls go to the outbox.</summary>
    private sealed class TextFailsChannel(DevelopmentOutbox outbox, PhoneDeliveryStatus failure) : IPhoneChannel
    {
        public int TextAttempts { get; private set; }

        public Task<PhoneDeliveryResult> SendTextAsync(PhoneMessage message, CancellationToken cancellationToken = default)
        {
            TextAttempts++;
            return Task.FromResult(new PhoneDeliveryResult(failure, Detail: "test network"));
        }

        public Task<PhoneDeliveryResult> PlaceCallAsync(PhoneMessage message, CancellationToken cancellationToken = default)
        {
            outbox.Add(PhoneChannel.Voice, message);
            return Task.FromResult(PhoneDeliveryResult.Accept());
        }
    }

    [Theory]
    [InlineData(PhoneDeliveryStatus.Undeliverable, "We could not reach this number this way. Try a voice call.")]
    [InlineData(PhoneDeliveryStatus.ProviderUnavailable, "We could not send the code just now. Try again in a moment, or try a voice call.")]
    public async Task AFailedTextOffersACallAndTheCallCanFollowAtOnce(PhoneDeliveryStatus failure, string message)
    {
        await using var app = await StepUpTestApp.StartAsync(stepUp: b => b.Services.Replace(ServiceDescriptor.Singleton<IPhoneChannel>(sp => new TextFailsChannel(sp.GetRequiredService<DevelopmentOutbox>(), failure))));
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        var text = await browser.StartAsync("sms");
        var problem = await text.JsonAsync();
        var call = await browser.StartAsync("voice");

        Assert.Equal((HttpStatusCode)424, text.StatusCode);
        Assert.Equal(message, problem.GetProperty("detail").GetString());
        Assert.Equal("voice", problem.GetProperty("otherChannel").GetString());
        Assert.Equal(HttpStatusCode.Accepted, call.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.VerifyAsync(await call.ChallengeIdAsync(), app.LatestCode(StepUpApi.AlicePhone))).StatusCode);
    }

    [Fact]
    public async Task ACodeThatWasNeverDeliveredCannotBeUsed()
    {
        await using var app = await StepUpTestApp.StartAsync(stepUp: b => b.Services.Replace(ServiceDescriptor.Singleton<IPhoneChannel>(sp => new TextFailsChannel(sp.GetRequiredService<DevelopmentOutbox>(), PhoneDeliveryStatus.ProviderUnavailable))));
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        await browser.StartAsync("sms");

        Assert.Null(await app.Services.GetRequiredService<StepUp.AspNetCore.Store.IStepUpStore>().GetChallengeAsync(StepUpApi.Alice, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RequirePhoneMfaOnARouteGroupProtectsEveryEndpointInIt()
    {
        await using var app = await StepUpTestApp.StartAsync(endpoints: e =>
        {
            var admin = e.MapGroup("/payments").RequirePhoneMfa();
            admin.MapGet("/a", () => "a");
            admin.MapGet("/b", () => "b");
        });
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/payments/a")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/payments/b")).StatusCode);
        await browser.StepUpAsync(app, StepUpApi.AlicePhone);
        Assert.Equal("b", await browser.Http.GetStringAsync("/payments/b", TestContext.Current.CancellationToken));
    }
}

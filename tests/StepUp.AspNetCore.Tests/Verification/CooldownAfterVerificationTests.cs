using System.Net;
using StepUp.Testing.Hosting;

namespace StepUp.AspNetCore.Tests.Verification;

public sealed class CooldownAfterVerificationTests
{
    [Fact]
    public async Task AfterAVerifiedCodeTheNextCodeNeedNotWaitForTheResendCooldown()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        await browser.StepUpAsync(app, StepUpApi.AlicePhone);

        // A second approval (another transfer) straight away: no "a code was sent moments ago".
        var next = await browser.StartAsync();

        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
    }

    [Fact]
    public async Task AnUnusedCodeStillHoldsTheCooldown()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        await (await browser.StartAsync()).ChallengeIdAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.StartAsync()).StatusCode);
    }
}

using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using StepUp.Testing.Hosting;

namespace StepUp.AspNetCore.Tests.Authorization;

public sealed class ControllerAttributeTests
{
    [Fact]
    public async Task TheAttributeProtectsAnActionAndComposesWithAuthorize()
    {
        await using var app = await StepUpTestApp.StartAsync(
            services: s => s.AddControllers().AddApplicationPart(typeof(BankController).Assembly),
            endpoints: e => e.MapControllers());
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/bank/balance")).StatusCode);
        var wire = await browser.GetAsync("/bank/wire");
        Assert.Equal(HttpStatusCode.Redirect, wire.StatusCode);
        Assert.Equal("/stepup?returnUrl=%2Fbank%2Fwire&channels=Sms", wire.Headers.Location!.OriginalString);

        await browser.StepUpAsync(app, StepUpApi.AlicePhone);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/bank/wire")).StatusCode);
    }

    [Fact]
    public async Task AVoiceGrantDoesNotSatisfyATextOnlyRequirement()
    {
        await using var app = await StepUpTestApp.StartAsync(
            services: s => s.AddControllers().AddApplicationPart(typeof(BankController).Assembly),
            endpoints: e => e.MapControllers());
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        await browser.StepUpAsync(app, StepUpApi.AlicePhone, channel: "voice");

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/sensitive")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/bank/wire")).StatusCode);
    }
}

[Route("bank")]
[Authorize]
public sealed class BankController : Controller
{
    [HttpGet("balance")]
    public IActionResult Balance() => Content("EUR 1,000.00");

    [HttpGet("wire")]
    [RequirePhoneMfa(MaxAge = "00:05:00", Channels = PhoneChannels.Sms)]
    public IActionResult Wire() => Content("wire form");
}

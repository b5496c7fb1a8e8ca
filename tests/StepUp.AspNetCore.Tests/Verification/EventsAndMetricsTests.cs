using System.Net;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StepUp.AspNetCore.Store;
using StepUp.AspNetCore.Verification;
using Microsoft.AspNetCore.Http;
using StepUp.Testing.Hosting;

namespace StepUp.AspNetCore.Tests.Verification;

public sealed class EventsAndMetricsTests
{
    [Fact]
    public async Task EventsSeeSendingVerifiedFailedAndChallengeWithoutTheNumber()
    {
        var seen = new List<string>();
        await using var app = await StepUpTestApp.StartAsync(services: s => s.Configure<StepUpOptions>(o =>
        {
            o.Events.OnCodeSending = c => { seen.Add($"sending {c.Channel} {c.Purpose} {c.MaskedPhoneNumber}"); return Task.CompletedTask; };
            o.Events.OnPhoneVerified = c => { seen.Add($"verified {c.Channel} {c.UserId}"); return Task.CompletedTask; };
            o.Events.OnVerificationFailed = c => { seen.Add($"failed {c.Status} {c.AttemptsLeft}"); return Task.CompletedTask; };
            o.Events.OnChallenge = c => { seen.Add($"challenge {c.Mode} {c.IsApiRequest} {c.ReturnUrl}"); return Task.CompletedTask; };
        }));
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        await browser.GetAsync("/sensitive");
        var id = await (await browser.StartAsync()).ChallengeIdAsync();
        var code = app.LatestCode(StepUpApi.AlicePhone);
        await browser.VerifyAsync(id, code == "000000" ? "111111" : "000000");
        await browser.VerifyAsync(id, code);

        Assert.Equal(
            [
                "challenge InApp False /sensitive",
                "sending Sms StepUp +31 • ••••••34",
                "failed WrongCode 4",
                "verified Sms alice",
            ],
            seen);
    }

    [Fact]
    public async Task AnAppCanWriteItsOwnChallenge()
    {
        await using var app = await StepUpTestApp.StartAsync(services: s => s.Configure<StepUpOptions>(o => o.Events.OnChallenge = c =>
        {
            c.HandleResponse();
            c.HttpContext.Response.StatusCode = StatusCodes.Status418ImATeapot;
            return Task.CompletedTask;
        }));
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        Assert.Equal((HttpStatusCode)418, (await browser.GetAsync("/sensitive")).StatusCode);
    }

    [Fact]
    public async Task TheStepUpMeterCountsChallengesSendsVerificationsAndGrants()
    {
        await using var app = await StepUpTestApp.StartAsync();
        var factory = app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var challenges = new MetricCollector<long>(factory, "StepUp", "stepup.challenges");
        using var sends = new MetricCollector<long>(factory, "StepUp", "stepup.code_sends");
        using var verifications = new MetricCollector<long>(factory, "StepUp", "stepup.verifications");
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        await browser.GetAsync("/sensitive");
        await browser.StepUpAsync(app, StepUpApi.AlicePhone);

        Assert.Equal("redirect", Assert.Single(challenges.GetMeasurementSnapshot()).Tags["stepup.response"]);
        Assert.Equal("sent", Assert.Single(sends.GetMeasurementSnapshot()).Tags["stepup.outcome"]);
        Assert.Equal("verified", Assert.Single(verifications.GetMeasurementSnapshot()).Tags["stepup.outcome"]);
    }

    [Fact]
    public async Task AForgedForwardedForHeaderDoesNotEscapeThePerAddressLimit()
    {
        await using var app = await StepUpTestApp.StartAsync(services: s => s.Configure<StepUpOptions>(o => o.MaxSendsPerClientAddress = 2));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var browser = await app.SignedInBrowserAsync($"user{i}");
            browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i}");
            statuses.Add((await browser.StartAsync("sms", $"+3161234560{i}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task TheStoreKeepsOnlyAnHmacOfTheCode()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        await (await browser.StartAsync()).ChallengeIdAsync();

        var pending = await app.Services.GetRequiredService<IStepUpStore>().GetChallengeAsync(StepUpApi.Alice, TestContext.Current.CancellationToken);

        Assert.Equal(32, pending!.CodeHash!.Length);
        Assert.DoesNotContain(app.LatestCode(StepUpApi.AlicePhone), Convert.ToHexString(pending.CodeHash), StringComparison.Ordinal);
        Assert.DoesNotContain(app.LatestCode(StepUpApi.AlicePhone), pending.ToString(), StringComparison.Ordinal);
    }
}

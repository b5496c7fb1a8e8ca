using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StepUp.AspNetCore.Store;
using StepUp.Testing.Hosting;

namespace StepUp.AspNetCore.Tests;

/// <summary>Drives StepUp's JSON API like an SPA would.</summary>
internal static class StepUpApi
{
    public const string Alice = "alice";
    public const string AlicePhone = "+31612345634";

    public static async Task AttachPhoneAsync(this StepUpTestApp app, string user, string phone) =>
        await app.Services.GetRequiredService<IStepUpStore>().SetVerifiedPhoneAsync(
            user, new VerifiedPhone(phone, app.Time.GetUtcNow().AddDays(-30), PhoneChannel.Sms), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> StartAsync(this BrowserClient browser, string channel = "sms", string? phoneNumber = null) =>
        browser.PostJsonAsync("/stepup/api/challenges", new { channel, phoneNumber });

    public static Task<HttpResponseMessage> VerifyAsync(this BrowserClient browser, string challengeId, string code, string? returnUrl = null) =>
        browser.PostJsonAsync("/stepup/api/challenges/verify", new { challengeId, code, returnUrl });

    public static async Task<string> ChallengeIdAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return body.GetProperty("challengeId").GetString()!;
    }

    public static string LatestCode(this StepUpTestApp app, string phone) =>
        app.Outbox.LatestTo(phone)?.Code ?? throw new InvalidOperationException("No code in the outbox for this number.");

    /// <summary>Runs the whole JSON step-up for a signed-in browser whose user has <paramref name="phone"/> attached or enrols it.</summary>
    public static async Task StepUpAsync(this BrowserClient browser, StepUpTestApp app, string phone, string channel = "sms", bool enrol = false)
    {
        var id = await (await browser.StartAsync(channel, enrol ? phone : null)).ChallengeIdAsync();
        var verified = await browser.VerifyAsync(id, app.LatestCode(phone));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StepUp.Testing.Hosting;

namespace StepUp.Security.Tests.Infrastructure;

/// <summary>Drives StepUp's JSON API and the test app's endpoints like an SPA (or an attacker's script) would.</summary>
public static class StepUpJson
{
    /// <summary><c>POST /stepup/api/challenges</c>.</summary>
    public static Task<HttpResponseMessage> StartAsync(this BrowserClient browser, string channel = "sms", string? phoneNumber = null, string? transaction = null) =>
        browser.PostJsonAsync("/stepup/api/challenges", new { channel, phoneNumber, transaction });

    /// <summary><c>POST /stepup/api/challenges/verify</c>.</summary>
    public static Task<HttpResponseMessage> VerifyAsync(this BrowserClient browser, string challengeId, string code, string? returnUrl = null) =>
        browser.PostJsonAsync("/stepup/api/challenges/verify", new { challengeId, code, returnUrl });

    /// <summary>Starts a code and answers its challenge id (fails the test unless it was sent).</summary>
    public static async Task<string> StartCodeAsync(this BrowserClient browser, string channel = "sms", string? phoneNumber = null, string? transaction = null)
    {
        using var response = await browser.StartAsync(channel, phoneNumber, transaction);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Starting a code answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("challengeId").GetString()!;
    }

    /// <summary>Sends a code to the attached phone (or enrols <paramref name="enrol"/>) and types it: the session is stepped up.</summary>
    public static async Task StepUpAsync(this BrowserClient browser, SecurityApp app, string phoneNumber, bool enrol = false, string? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var challengeId = await browser.StartCodeAsync(phoneNumber: enrol ? phoneNumber : null, transaction: transaction);
        using var verified = await browser.VerifyAsync(challengeId, app.Network.LatestCode(phoneNumber));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }

    /// <summary>A request as an API client (JSON accepted), so an unmet requirement answers 401 rather than a redirect.</summary>
    public static Task<HttpResponseMessage> GetApiAsync(this BrowserClient browser, string path)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/json");
        return browser.Http.SendAsync(request);
    }

    /// <summary><c>POST /api/payments</c>.</summary>
    public static Task<HttpResponseMessage> PayAsync(this BrowserClient browser, Payment payment) =>
        browser.PostJsonAsync("/api/payments", payment);

    /// <summary>The response body as JSON.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StepUp.AspNetCore.Development;

namespace StepUp.Benchmarks.Hosting;

/// <summary>
/// Earns a live step-up grant the way a user does, once per app instance: benchmark cookie sign-in, <c>POST
/// /stepup/api/challenges</c> (enrolment of a number), the code read from the <see cref="DevelopmentOutbox"/> in DI,
/// <c>POST /stepup/api/challenges/verify</c>. Returns the re-issued session cookie, checked against the protected endpoint.
/// </summary>
public static class GrantCookieFlow
{
    private const string PhoneNumber = "+31612345678";

    /// <summary>Runs the flow against <paramref name="app"/> and returns the <c>Cookie</c> header value.</summary>
    public static async Task<string> EarnAsync(BenchmarkWebApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        var user = "bench-" + Guid.NewGuid().ToString("N");
        using (var signIn = await client.PostAsync(new Uri($"{BenchmarkPaths.SignIn}?user={user}", UriKind.Relative), null).ConfigureAwait(false))
        {
            Expect(signIn, HttpStatusCode.NoContent, "benchmark sign-in");
        }

        using (var before = await client.GetAsync(new Uri(BenchmarkPaths.SteppedUp, UriKind.Relative)).ConfigureAwait(false))
        {
            Expect(before, HttpStatusCode.Unauthorized, "protected endpoint before the step-up (RFC 9470 challenge)");
        }

        string challengeId;
        using (var start = await client.PostAsJsonAsync(new Uri("/stepup/api/challenges", UriKind.Relative), new { channel = "sms", phoneNumber = PhoneNumber }).ConfigureAwait(false))
        {
            Expect(start, HttpStatusCode.Accepted, "POST /stepup/api/challenges");
            using var body = JsonDocument.Parse(await start.Content.ReadAsStringAsync().ConfigureAwait(false));
            challengeId = body.RootElement.GetProperty("challengeId").GetString()!;
        }

        var code = app.Services.GetRequiredService<DevelopmentOutbox>().LatestTo(PhoneNumber)?.Code
            ?? throw new InvalidOperationException("The development outbox holds no code for the benchmark number.");
        using (var verify = await client.PostAsJsonAsync(new Uri("/stepup/api/challenges/verify", UriKind.Relative), new { challengeId, code }).ConfigureAwait(false))
        {
            Expect(verify, HttpStatusCode.OK, "POST /stepup/api/challenges/verify");
        }

        using (var after = await client.GetAsync(new Uri(BenchmarkPaths.SteppedUp, UriKind.Relative)).ConfigureAwait(false))
        {
            Expect(after, HttpStatusCode.OK, "protected endpoint after the step-up");
        }

        return cookies.GetCookieHeader(app.BaseAddress);
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string step)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"Grant flow: {step} answered {(int)response.StatusCode} instead of {(int)status}.");
        }
    }
}

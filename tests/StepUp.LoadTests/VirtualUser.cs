using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StackExchange.Redis;

namespace StepUp.LoadTests;

/// <summary>
/// One simulated user's journey, again and again until the deadline, each time as a new person with a new phone number and
/// a new browser session: sign in → protected call (challenged) → send a code → verify it → protected call (served) →
/// replay the code (refused) → protected call on the other instance. Each step goes to a randomly chosen instance, so a
/// code sent by one is verified by the other and a grant earned on one is honoured by the other.
/// </summary>
internal sealed class VirtualUser(IReadOnlyList<HttpClient> instances, IDatabase redis, string prefix, LoadCounters counters, Latencies latencies, bool record)
{
    private static long _nextNumber = Random.Shared.Next(0, 4_000_000);

    public async Task RunAsync(int slot, DateTimeOffset until, CancellationToken cancellationToken)
    {
        for (var journey = 0; DateTimeOffset.UtcNow < until && !cancellationToken.IsCancellationRequested; journey++)
        {
            await JourneyAsync($"load-{slot}-{journey}-{Guid.NewGuid():N}", cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task JourneyAsync(string user, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        var phone = "+3161" + (2_000_000 + Interlocked.Increment(ref _nextNumber)).ToString(CultureInfo.InvariantCulture);
        var first = Random.Shared.Next(instances.Count);
        HttpClient Pick() => instances[Random.Shared.Next(instances.Count)];

        if (await StepAsync("sign-in", instances[first], HttpMethod.Get, "/load/sign-in/" + user, null, cookies, HttpStatusCode.OK, cancellationToken) is null)
        {
            return;
        }

        await StepAsync("protected call, before", Pick(), HttpMethod.Post, "/load/transfers", new { amount = 10 }, cookies, HttpStatusCode.Unauthorized, cancellationToken);
        var sent = await StepAsync("send code", Pick(), HttpMethod.Post, "/stepup/api/challenges", new { channel = "sms", phoneNumber = phone }, cookies, HttpStatusCode.Accepted, cancellationToken);
        if (sent is null)
        {
            return;
        }

        var challengeId = sent.Value.GetProperty("challengeId").GetString()!;
        var code = (string?)await redis.HashGetAsync(prefix + "simulated-phones", phone).ConfigureAwait(false);
        if (code is null)
        {
            counters.Failure("no code delivered");
            return;
        }

        if (await StepAsync("verify code", Pick(), HttpMethod.Post, "/stepup/api/challenges/verify", new { challengeId, code }, cookies, HttpStatusCode.OK, cancellationToken) is null)
        {
            return;
        }

        counters.VerifiedOne();
        var served = await StepAsync("protected call, after", Pick(), HttpMethod.Post, "/load/transfers", new { amount = 10 }, cookies, HttpStatusCode.OK, cancellationToken);
        if (served is null || served.Value.GetProperty("user").GetString() != user)
        {
            counters.LostOne();
            return;
        }

        counters.ServedOne();
        if (await StepAsync("replay code", Pick(), HttpMethod.Post, "/stepup/api/challenges/verify", new { challengeId, code }, cookies, HttpStatusCode.Gone, cancellationToken) is null)
        {
            counters.DuplicatedOne();
        }

        if (await StepAsync("protected call, other instance", instances[1 - first], HttpMethod.Post, "/load/transfers", new { amount = 10 }, cookies, HttpStatusCode.OK, cancellationToken) is null)
        {
            counters.LostOne();
            return;
        }

        counters.Journey();
    }

    /// <summary>One request with this user's cookies; answers the JSON body when the status is the expected one.</summary>
    private async Task<JsonElement?> StepAsync(
        string step, HttpClient client, HttpMethod method, string path, object? body, CookieContainer cookies, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd("application/json");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var uri = new Uri(client.BaseAddress!, path);
        var cookieHeader = cookies.GetCookieHeader(uri);
        if (cookieHeader.Length > 0)
        {
            request.Headers.Add("Cookie", cookieHeader);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            clock.Stop();
            if (record)
            {
                latencies.Add(step, clock.Elapsed.TotalMilliseconds);
            }

            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    cookies.SetCookies(uri, setCookie);
                }
            }

            if ((int)response.StatusCode >= 500)
            {
                counters.ServerError();
            }

            if (response.StatusCode != expected)
            {
                counters.Failure($"{step}: {(int)response.StatusCode}");
                return null;
            }

            return text.Length > 0 && text[0] == '{' ? JsonDocument.Parse(text).RootElement.Clone() : default(JsonElement);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            counters.Failure($"{step}: {ex.GetType().Name}");
            return null;
        }
    }
}

using System.Globalization;
using System.Net;
using StepUp.Security.Tests.Infrastructure;
using StepUp.Testing.Hosting;

namespace StepUp.Security.Tests.Fuzz;

/// <summary>
/// Ten thousand generated requests (<see cref="FuzzInputs"/>) to the JSON API and the pages, from eight signed-in users at
/// once (with and without a phone, one of them stepped up so the protected phone-change endpoints answer): not one 5xx,
/// no code guessed, and the usual audit of every response, log line and Redis command.
/// </summary>
public sealed class EndpointFuzzTests(SecuritySuite suite) : AttackTest(suite)
{
    private const int Inputs = 10_000;
    private const int Users = 8;

    [Fact]
    public async Task TenThousandGeneratedRequestsToTheJsonApiAndThePagesGetNo5xx()
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("STEPUP_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 20261204UL;
        var inputs = FuzzInputs.Sample(Inputs, seed);
        var app = await StartAppAsync(new SecurityAppSettings
        {
            // Limits raised so that generated sends and checks reach the store and the phone network instead of stopping at a 429.
            StepUp = o =>
            {
                o.ResendCooldown = TimeSpan.Zero;
                o.MaxSendsPerUser = 100_000;
                o.MaxSendsPerPhoneNumber = 100_000;
                o.MaxSendsPerClientAddress = 100_000;
                o.MaxFailuresPerUser = 100_000;
            },
        });
        var browsers = new List<(BrowserClient Browser, string Token)>();
        for (var i = 0; i < Users; i++)
        {
            var user = NewUser();
            var phone = NewPhoneNumber();
            if (i % 2 == 0)
            {
                await AttachPhoneAsync(app, user, phone);
            }

            var browser = await SignedInAsync(app, user);
            if (i == 0)
            {
                await browser.StepUpAsync(app, phone);
            }

            var (_, page) = await browser.GetPageAsync("/stepup");
            browsers.Add((browser, page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? string.Empty));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, Users).Select(worker => Task.Run(async () =>
        {
            var (browser, token) = browsers[worker];
            var answers = new List<(FuzzRequest Request, HttpStatusCode Status)>();
            for (var i = worker; i < inputs.Length; i += Users)
            {
                answers.Add((inputs[i], await SendAsync(browser, inputs[i], token)));
            }

            return answers;
        })));
        var answers = results.SelectMany(r => r).ToList();

        var serverErrors = answers.Where(a => (int)a.Status >= 500).ToList();
        Assert.True(serverErrors.Count == 0, $"Seed {seed}: {serverErrors.Count} answers were 5xx, e.g.\n" + string.Join('\n', serverErrors.Take(5).Select(a => $"{(int)a.Status} ← {a.Request}")));
        Assert.Equal(Inputs, answers.Count);
        Assert.DoesNotContain(answers, a => a.Request.Path == "/stepup/api/challenges/verify" && a.Status == HttpStatusCode.OK);
        var sent = answers.Count(a => a.Status == HttpStatusCode.Accepted);
        Assert.True(sent > 100, $"The generator reached the send path only {sent} times.");
        Assert.True(answers.Count(a => a.Request.Path == "/stepup/api/challenges/verify" && a.Status is HttpStatusCode.BadRequest or HttpStatusCode.Gone) > 500, "Generated codes reached the check.");
    }

    private static async Task<HttpStatusCode> SendAsync(BrowserClient browser, FuzzRequest input, string token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(input.Method), input.Path);
        if (input.Body is not null)
        {
            var body = input.Form && !input.WithoutToken
                ? input.Body + (input.Body.Length == 0 ? string.Empty : "&") + "__RequestVerificationToken=" + Uri.EscapeDataString(token)
                : input.Body;
            request.Content = new ByteArrayContent(FuzzInputs.Bytes(input with { Body = body }));
            if (!string.IsNullOrEmpty(input.ContentType))
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", input.ContentType);
            }
        }

        if (!input.Form)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        using var response = await browser.Http.SendAsync(request);
        return response.StatusCode;
    }
}

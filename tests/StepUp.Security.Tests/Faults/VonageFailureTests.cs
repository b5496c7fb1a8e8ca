using System.Net;
using System.Text;
using StepUp.Security.Tests.Infrastructure;
using StepUp.Vonage;
using StepUp.Vonage.Tests.FakeVonage;

namespace StepUp.Security.Tests.Faults;

/// <summary>
/// StepUp.Vonage against a fake Vonage over real HTTP (Kestrel on loopback) that fails the way Vonage documents — SMS API
/// statuses, HTTP errors, a provider that hangs, a dropped connection: the user gets a 424 with an actionable message and
/// the call as the other channel, the call then goes out, and neither the provider's error text (which quotes the number)
/// nor the API secret reaches a response or a log line (nor, for the secret, Redis).
/// </summary>
public sealed class VonageFailureTests(SecuritySuite suite) : AttackTest(suite)
{
    private FakeVonageServer? _vonage;

    private FakeVonageServer Vonage => _vonage!;

    public static TheoryData<string, string> Failures => new()
    {
        { "throttled (1)", "sms:1" },
        { "internal error (5)", "sms:5" },
        { "invalid number (3)", "sms:3" },
        { "number barred (7)", "sms:7" },
        { "bad credentials (4)", "sms:4" },
        { "quota exceeded (9)", "sms:9" },
        { "HTTP 500", "http:500" },
        { "HTTP 503", "http:503" },
        { "HTTP 429", "http:429" },
        { "HTTP 401", "http:401" },
        { "hangs", "hang" },
        { "drops the connection", "drop" },
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _vonage = await FakeVonageServer.StartAsync();
        Suite.Ledger.AddKey("the Vonage API secret", Encoding.ASCII.GetBytes(_vonage.Credentials.ApiSecret));
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            if (_vonage is not null)
            {
                await _vonage.DisposeAsync();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task EachProviderFailureGivesA424WithAMessageAndTheCallAsTheOtherChannel(string failure, string script)
    {
        var settings = new SecurityAppSettings { Vonage = ConfigureVonage };
        settings.Time.SetUtcNow(DateTimeOffset.UtcNow); // the fake checks the lifetime of the Voice API's JWT against the real clock
        var app = await StartAppAsync(settings);
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var browser = await SignedInAsync(app, user);
        var reply = script switch
        {
            "hang" => FakeReply.Hang(),
            "drop" => FakeReply.Drop(),
            _ when script.StartsWith("sms:", StringComparison.Ordinal) => FakeReply.SmsStatus(int.Parse(script[4..], System.Globalization.CultureInfo.InvariantCulture)),
            _ => FakeReply.Problem(int.Parse(script[5..], System.Globalization.CultureInfo.InvariantCulture), "Failure", "https://developer.vonage.com/api-errors#failure"),
        };
        Vonage.Script(FakeVonageServer.Sms, reply);

        var pending = browser.StartAsync("sms");
        if (script == "hang")
        {
            // The provider never answers: once the request is there, the app's clock passes the attempt timeout.
            await Vonage.WaitForRequestsAsync(FakeVonageServer.Sms, 1);
            settings.Time.Advance(TimeSpan.FromSeconds(1));
        }

        using var text = await pending;
        var problem = await text.JsonAsync();
        using var call = await browser.StartAsync("voice");

        Assert.True((HttpStatusCode)424 == text.StatusCode, $"{failure}: answered {(int)text.StatusCode}");
        Assert.StartsWith("We could", problem.GetProperty("detail").GetString()!.Replace("This number cannot", "We could", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("voice", problem.GetProperty("otherChannel").GetString());
        Assert.Equal(HttpStatusCode.Accepted, call.StatusCode);
        Assert.Single(Vonage.RequestsTo(FakeVonageServer.Calls));

        // Vonage's own error texts quote the request (the fake's say "Error for +31612345678" and "Details that may quote
        // the request, such as +31612345678"): none of it reaches the user or the log. (That example number is also the
        // example StepUp's own page shows, so it is looked for here as Vonage's text, not as a secret of the suite.)
        Assert.DoesNotContain(Transcript.Exchanges, e => e.Body.Contains("Error for", StringComparison.Ordinal) || e.Body.Contains("may quote", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Error for +", StringComparison.Ordinal) || l.Contains("may quote the request", StringComparison.Ordinal));
        foreach (var sms in Vonage.RequestsTo(FakeVonageServer.Sms))
        {
            foreach (System.Text.RegularExpressions.Match code in System.Text.RegularExpressions.Regex.Matches(sms.Form.GetValueOrDefault("text") ?? string.Empty, "(?<![0-9])[0-9]{8}(?![0-9])"))
            {
                Suite.Ledger.AddCode(code.Value);
            }
        }

        Suite.Ledger.AddCode(CodeIn(Vonage.RequestsTo(FakeVonageServer.Calls)[0].Body));
    }

    private void ConfigureVonage(VonageOptions options)
    {
        var credentials = Vonage.Credentials;
        options.Mode = VonageMode.Messages;
        options.ApiKey = credentials.ApiKey;
        options.ApiSecret = credentials.ApiSecret;
        options.ApplicationId = credentials.ApplicationId;
        options.PrivateKey = credentials.PrivateKeyPem;
        options.SmsFrom = "StepUpTest";
        options.SmsBaseUrl = Vonage.BaseUrl;
        options.ApiBaseUrl = Vonage.BaseUrl;
        options.MaxAttempts = 1; // retries and their backoff are StepUp.Vonage's own tests; here each failure reaches the user
        options.AttemptTimeout = TimeSpan.FromMilliseconds(500);
        options.TotalTimeout = TimeSpan.FromSeconds(1);
    }

    /// <summary>The 8-digit code in a call's NCCO (read out digit by digit: "1, 2, 3, …").</summary>
    private static string CodeIn(string body)
    {
        var match = System.Text.RegularExpressions.Regex.Match(body, "([0-9], ){7}[0-9]");
        return match.Success ? match.Value.Replace(", ", string.Empty, StringComparison.Ordinal) : throw new InvalidOperationException("No code in the call.");
    }
}

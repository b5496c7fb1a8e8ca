using System.Net;
using StepUp.Testing.Hosting;

namespace StepUp.Security.Tests.Infrastructure;

/// <summary>
/// Base of the attack tests: starts apps and browsers that are audited when the test ends — every response, log line,
/// Redis command and Redis key of the test is searched for every secret the suite has handed out, and no response may be
/// a 5xx (unless the test expects an outage) nor any log line an unhandled exception.
/// </summary>
public abstract class AttackTest(SecuritySuite suite) : IAsyncLifetime
{
    private readonly List<SecurityApp> _apps = [];
    private readonly List<BrowserClient> _browsers = [];
    private int _monitorStart;

    /// <summary>The suite.</summary>
    protected SecuritySuite Suite { get; } = suite;

    /// <summary>This test's exchanges.</summary>
    protected Transcript Transcript { get; } = new();

    /// <summary>Whether 503 answers are expected (outage tests).</summary>
    protected bool OutagesExpected { get; set; }

    /// <summary>A fresh user id.</summary>
    protected static string NewUser() => "user-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A fresh valid Dutch mobile number (E.164).</summary>
    protected static string NewPhoneNumber() => "+3161" + System.Security.Cryptography.RandomNumberGenerator.GetInt32(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public virtual ValueTask InitializeAsync()
    {
        _monitorStart = Suite.Monitor.Count;
        return ValueTask.CompletedTask;
    }

    /// <summary>Starts an app instance (pass the same settings and network to start another instance of the same app).</summary>
    protected async Task<SecurityApp> StartAppAsync(SecurityAppSettings? settings = null, PhoneNetwork? network = null)
    {
        var app = await SecurityApp.StartAsync(Suite, settings ?? new SecurityAppSettings(), network ?? new PhoneNetwork(Suite.Ledger));
        _apps.Add(app);
        lock (Suite.Logs)
        {
            Suite.Logs.Add(app.Logs);
        }

        return app;
    }

    /// <summary>A new browser on <paramref name="app"/> (sharing <paramref name="cookies"/> when given).</summary>
    protected BrowserClient Browser(SecurityApp app, CookieContainer? cookies = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var browser = app.CreateBrowser(cookies, Transcript, Suite.Transcript);
        _browsers.Add(browser);
        return browser;
    }

    /// <summary>A new browser on <paramref name="app"/>, signed in as <paramref name="user"/>.</summary>
    protected async Task<BrowserClient> SignedInAsync(SecurityApp app, string user)
    {
        var browser = Browser(app);
        using var response = await browser.GetAsync("/test/sign-in/" + Uri.EscapeDataString(user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return browser;
    }

    /// <summary>Attaches <paramref name="phoneNumber"/> to <paramref name="user"/> (and records it as a secret).</summary>
    protected Task AttachPhoneAsync(SecurityApp app, string user, string phoneNumber)
    {
        ArgumentNullException.ThrowIfNull(app);
        Suite.Ledger.AddPhoneNumber(phoneNumber);
        return app.AttachPhoneAsync(user, phoneNumber);
    }

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        try
        {
            await AuditAsync();
        }
        finally
        {
            foreach (var browser in _browsers)
            {
                browser.Dispose();
            }

            foreach (var app in _apps)
            {
                await app.DisposeAsync();
            }

            GC.SuppressFinalize(this);
        }
    }

    private static string ExceptionType(string line) =>
        System.Text.RegularExpressions.Regex.Match(line, @"[A-Za-z.]+Exception\b").Value is { Length: > 0 } type ? type : "(no exception type)";

    /// <summary>Runs the audit now (it runs again when the test ends).</summary>
    protected Task AuditNowAsync() => AuditAsync();

    private async Task AuditAsync()
    {
        await Suite.Monitor.FlushAsync();
        var secrets = Suite.Ledger;
        var leaks = new List<Leak>();
        leaks.AddRange(SecrecyAudit.InExchanges(Transcript.Exchanges, secrets));
        leaks.AddRange(SecrecyAudit.InLogs(_apps.Select(a => a.Logs), secrets));
        leaks.AddRange(SecrecyAudit.InCommands(Suite.Monitor.Commands.Skip(_monitorStart), secrets));
        foreach (var prefix in _apps.Where(a => a.Settings.Redis is null).Select(a => a.Settings.KeyPrefix).Distinct())
        {
            leaks.AddRange(await SecrecyAudit.InKeysAsync(Suite.Redis.EndPoint, prefix, secrets));
        }

        SecrecyAudit.AssertNone(leaks);

        var serverErrors = Transcript.Exchanges.Where(e => e.Status >= 500 && !(OutagesExpected && e.Status == 503)).ToList();
        Assert.True(serverErrors.Count == 0, "Server errors: " + string.Join(", ", serverErrors.Take(10).Select(e => $"{e.Method} {e.Url.PathAndQuery} → {e.Status}")));
        var unhandled = _apps.SelectMany(a => a.Logs.Lines).Where(l => l.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(unhandled.Count == 0, "Unhandled exceptions were logged: " + string.Join(", ", unhandled.Take(5).Select(ExceptionType)));
    }
}

using StepUp.Testing.Redis;

[assembly: AssemblyFixture(typeof(StepUp.Security.Tests.Infrastructure.SecuritySuite))]

namespace StepUp.Security.Tests.Infrastructure;

/// <summary>
/// The whole attack suite's shared parts: one redis-server (free loopback port, no persistence) watched by
/// <see cref="RedisMonitor"/> from the first command to the last, the <see cref="SecretLedger"/> of every secret handed out,
/// and the transcript of every exchange. Each test audits its own part (<see cref="AttackTest"/>); at the end the suite
/// audits everything against every secret once more, so a code from one test showing up in another's logs is caught too.
/// </summary>
public sealed class SecuritySuite : IAsyncLifetime
{
    private RedisServer? _redis;
    private RedisMonitor? _monitor;

    /// <summary>The monitored server.</summary>
    public RedisServer Redis => _redis ?? throw new InvalidOperationException("Not started.");

    /// <summary>Every command the server ran.</summary>
    public RedisMonitor Monitor => _monitor ?? throw new InvalidOperationException("Not started.");

    /// <summary>Every secret handed out.</summary>
    public SecretLedger Ledger { get; } = new();

    /// <summary>Every exchange of every browser.</summary>
    public Transcript Transcript { get; } = new();

    /// <summary>Every app's log lines.</summary>
    public List<StepUp.Testing.Hosting.CapturedLogs> Logs { get; } = [];

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _monitor = await RedisMonitor.StartAsync(_redis.Port);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await AuditEverythingAsync();
        }
        finally
        {
            if (_redis is not null)
            {
                await _redis.DisposeAsync();
            }
        }
    }

    private async Task AuditEverythingAsync()
    {
        if (_monitor is not null)
        {
            // The last word: everything the suite saw, against every secret it handed out (including later tests' ones).
            // A failure here fails the run (xUnit reports it as an assembly fixture cleanup failure).
            await _monitor.FlushAsync();
            List<StepUp.Testing.Hosting.CapturedLogs> logs;
            lock (Logs)
            {
                logs = [.. Logs];
            }

            var leaks = SecrecyAudit.InExchanges(Transcript.Exchanges, Ledger)
                .Concat(SecrecyAudit.InLogs(logs, Ledger))
                .Concat(SecrecyAudit.InCommands(_monitor.Commands, Ledger))
                .ToList();
            await _monitor.DisposeAsync();
            _monitor = null;
            SecrecyAudit.AssertNone(leaks);
        }
    }
}

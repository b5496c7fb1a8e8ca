using BankingApp.Banking;
using StackExchange.Redis;
using StepUp.Testing.Redis;

namespace BankingApp.Tests.Banking;

/// <summary>The Redis ledger against a real redis-server: every ledger of a test is another instance of the bank on the same Redis.</summary>
public sealed class RedisLedgerTests(RedisLedgerTests.RedisFixture redis) : LedgerContractTests, IClassFixture<RedisLedgerTests.RedisFixture>
{
    protected override ILedger NewLedger() => new RedisLedger(redis.Connection, Time);

    public sealed class RedisFixture : IAsyncLifetime
    {
        private RedisServer? _server;
        private ConnectionMultiplexer? _connection;

        public IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("Not started.");

        public async ValueTask InitializeAsync()
        {
            _server = await RedisServer.StartAsync();
            _connection = await ConnectionMultiplexer.ConnectAsync(_server.EndPoint);
        }

        public async ValueTask DisposeAsync()
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}

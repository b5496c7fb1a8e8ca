using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StepUp.Redis.Connection;
using StepUp.Redis.Store;
using StepUp.Testing.Redis;

[assembly: AssemblyFixture(typeof(StepUp.Redis.Tests.Infrastructure.RedisServerFixture))]

namespace StepUp.Redis.Tests.Infrastructure;

/// <summary>
/// One redis-server for the test assembly (free loopback port, no persistence, temp folder), with one shared connection.
/// Tests stay apart by using their own key prefix. Tests that stop Redis start their own server instead.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private RedisConnection? _connection;
    private ConnectionMultiplexer? _inspector;

    public RedisServer Server => _server ?? throw new InvalidOperationException("Not started.");

    /// <summary>A plain connection for tests to look at what the store wrote.</summary>
    public IConnectionMultiplexer Inspector => _inspector ?? throw new InvalidOperationException("Not started.");

    internal RedisConnection Connection => _connection ?? throw new InvalidOperationException("Not started.");

    public string Configuration => Server.EndPoint;

    public async ValueTask InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        _connection = RedisStores.Connect(Configuration);
        _inspector = await ConnectionMultiplexer.ConnectAsync(Configuration);
    }

    public async ValueTask DisposeAsync()
    {
        if (_inspector is not null)
        {
            await _inspector.DisposeAsync();
        }

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

/// <summary>Builds stores and connections for tests.</summary>
internal static class RedisStores
{
    public static RedisConnection Connect(string configuration, TimeSpan? operationTimeout = null) =>
        new(
            Options.Create(new RedisStepUpStoreOptions { Configuration = configuration, OperationTimeout = operationTimeout ?? TimeSpan.FromSeconds(5) }),
            new ServiceCollection().BuildServiceProvider(),
            NullLogger<RedisConnection>.Instance);

    /// <summary>A unique key prefix, so that tests sharing one Redis never see each other's keys.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12] + ":";

    public static RedisStepUpStore Create(
        RedisConnection connection,
        TimeProvider time,
        string? prefix = null,
        IDataProtectionProvider? dataProtection = null,
        TimeSpan? operationTimeout = null,
        ILogger<RedisStepUpStore>? logger = null,
        TimeSpan? grantCacheDuration = null) =>
        new(
            connection,
            new RedisValueProtector(dataProtection ?? new EphemeralDataProtectionProvider()),
            Options.Create(new RedisStepUpStoreOptions
            {
                KeyPrefix = prefix ?? NewPrefix(),
                OperationTimeout = operationTimeout ?? TimeSpan.FromSeconds(5),
                GrantCacheDuration = grantCacheDuration ?? TimeSpan.FromSeconds(5),
            }),
            time,
            logger ?? NullLogger<RedisStepUpStore>.Instance);
}

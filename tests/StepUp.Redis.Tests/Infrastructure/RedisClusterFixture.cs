using StepUp.Redis.Connection;
using StepUp.Testing.Redis;

namespace StepUp.Redis.Tests.Infrastructure;

/// <summary>A local 3-master Redis Cluster on loopback ports, with one shared connection.</summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    private RedisCluster? _cluster;
    private RedisConnection? _connection;

    public RedisCluster Cluster => _cluster ?? throw new InvalidOperationException("Not started.");

    internal RedisConnection Connection => _connection ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _cluster = await RedisCluster.StartAsync();
        _connection = RedisStores.Connect(_cluster.Configuration);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

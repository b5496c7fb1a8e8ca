using System.Diagnostics;

namespace StepUp.Testing.Redis;

/// <summary>
/// A local Redis Cluster of three masters without replicas on 127.0.0.1 (<c>redis-server --cluster-enabled yes</c> ×3, then
/// <c>redis-cli --cluster create … --cluster-replicas 0 --cluster-yes</c>), stopped and removed on dispose.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private readonly List<RedisServer> _nodes;

    private RedisCluster(List<RedisServer> nodes) => _nodes = nodes;

    /// <summary>The three masters.</summary>
    public IReadOnlyList<RedisServer> Nodes => _nodes;

    /// <summary>A StackExchange.Redis configuration string naming every node.</summary>
    public string Configuration => string.Join(',', _nodes.Select(n => n.EndPoint));

    /// <summary>Starts three nodes, joins them into a cluster and waits until every node reports <c>cluster_state:ok</c>.</summary>
    public static async Task<RedisCluster> StartAsync()
    {
        var nodes = new List<RedisServer>();
        try
        {
            foreach (var port in ClusterPorts(3))
            {
                nodes.Add(await RedisServer.StartOnAsync(
                    port,
                    "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", "5000"));
            }

            var create = new ProcessStartInfo("redis-cli") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            create.ArgumentList.Add("--cluster");
            create.ArgumentList.Add("create");
            foreach (var node in nodes)
            {
                create.ArgumentList.Add(node.EndPoint);
            }

            create.ArgumentList.Add("--cluster-replicas");
            create.ArgumentList.Add("0");
            create.ArgumentList.Add("--cluster-yes");
            using (var process = Process.Start(create) ?? throw new InvalidOperationException("redis-cli did not start."))
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await process.WaitForExitAsync(limit.Token);
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"redis-cli --cluster create failed ({process.ExitCode}): {await output}{await error}");
                }
            }

            foreach (var node in nodes)
            {
                await RespClient.WaitUntilAsync(
                    async () =>
                    {
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                        return (await RespClient.SendAsync(node.Port, timeout.Token, "CLUSTER", "INFO")).Contains("cluster_state:ok", StringComparison.Ordinal);
                    },
                    TimeSpan.FromSeconds(20),
                    $"cluster_state:ok on {node.EndPoint}");
            }

            return new RedisCluster(nodes);
        }
        catch
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Stops every node and removes their folders.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    /// <summary>Free ports whose cluster bus port (port + 10000) is free too.</summary>
    private static List<int> ClusterPorts(int count)
    {
        var ports = new List<int>();
        for (var tries = 0; ports.Count < count && tries < 1000; tries++)
        {
            var port = Random.Shared.Next(20000, 30000);
            if (!ports.Contains(port) && RedisServer.IsFree(port) && RedisServer.IsFree(port + 10000))
            {
                ports.Add(port);
            }
        }

        return ports.Count == count ? ports : throw new InvalidOperationException("No free loopback ports for the Redis Cluster.");
    }
}

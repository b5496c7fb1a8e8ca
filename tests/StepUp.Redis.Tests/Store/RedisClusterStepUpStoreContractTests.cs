using StepUp.AspNetCore.Store;
using StepUp.Redis.Tests.Infrastructure;
using StepUp.Testing.Store;

namespace StepUp.Redis.Tests.Store;

/// <summary>The store contract against a local 3-master Redis Cluster: every script's keys share a slot, so all of it runs unchanged.</summary>
public sealed class RedisClusterStepUpStoreContractTests(RedisClusterFixture cluster) : StepUpStoreContractTests, IClassFixture<RedisClusterFixture>
{
    protected override IStepUpStore CreateStore(TimeProvider time) => RedisStores.Create(cluster.Connection, time);
}

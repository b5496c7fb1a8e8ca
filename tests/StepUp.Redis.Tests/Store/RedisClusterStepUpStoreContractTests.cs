using System.Globalization;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Store;
using StepUp.Redis.Tests.Infrastructure;
using StepUp.Testing.Redis;
using StepUp.Testing.Store;

namespace StepUp.Redis.Tests.Store;

/// <summary>The store contract against a local 3-master Redis Cluster: every script's keys share a slot, so all of it runs unchanged.</summary>
public sealed class RedisClusterStepUpStoreContractTests(RedisClusterFixture cluster) : StepUpStoreContractTests, IClassFixture<RedisClusterFixture>
{
    protected override IStepUpStore CreateStore(TimeProvider time) => RedisStores.Create(cluster.Connection, time);

    [Fact]
    public async Task UsersAreSpreadOverEveryMaster()
    {
        for (var i = 0; i < 30; i++)
        {
            await Store.SetVerifiedPhoneAsync("user" + i.ToString(CultureInfo.InvariantCulture), new VerifiedPhone("+31612345634", Start, PhoneChannel.Sms), TestContext.Current.CancellationToken);
        }

        var keysPerNode = new List<int>();
        foreach (var node in cluster.Cluster.Nodes)
        {
            var size = await RespClient.SendAsync(node.Port, TestContext.Current.CancellationToken, "DBSIZE");
            keysPerNode.Add(int.Parse(size.TrimStart(':'), CultureInfo.InvariantCulture));
        }

        Assert.All(keysPerNode, count => Assert.True(count > 0, "A master holds no key: " + string.Join(", ", keysPerNode)));
    }
}

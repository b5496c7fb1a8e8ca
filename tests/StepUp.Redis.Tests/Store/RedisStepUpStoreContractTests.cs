using StepUp.AspNetCore.Store;
using StepUp.Redis.Tests.Infrastructure;
using StepUp.Testing.Store;

namespace StepUp.Redis.Tests.Store;

/// <summary>The store contract against a real redis-server.</summary>
public sealed class RedisStepUpStoreContractTests(RedisServerFixture redis) : StepUpStoreContractTests
{
    protected override IStepUpStore CreateStore(TimeProvider time) => RedisStores.Create(redis.Connection, time);
}

using StepUp.AspNetCore.Store;
using StepUp.Testing.Store;

namespace StepUp.AspNetCore.Tests.Store;

/// <summary>The store contract against the in-memory store.</summary>
public sealed class InMemoryStepUpStoreContractTests : StepUpStoreContractTests
{
    protected override IStepUpStore CreateStore(TimeProvider time) => new InMemoryStepUpStore(time);
}

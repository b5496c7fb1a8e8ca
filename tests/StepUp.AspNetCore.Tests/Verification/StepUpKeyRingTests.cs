using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using StepUp.AspNetCore.Verification;

namespace StepUp.AspNetCore.Tests.Verification;

public sealed class StepUpKeyRingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _dataProtection = new();

    [Fact]
    public async Task InstancesSharingAStoreAgreeOnTheKey()
    {
        var store = new SwitchableStore(_time);
        using var first = new StepUpKeyRing(store, _dataProtection, _time);
        using var second = new StepUpKeyRing(store, _dataProtection, _time);

        Assert.Equal(await first.GetKeyAsync(TestContext.Current.CancellationToken), await second.GetKeyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AfterTheStoreLostItsDataARunningInstancePutsItsKeyBackForLaterInstances()
    {
        var store = new SwitchableStore(_time);
        using var running = new StepUpKeyRing(store, _dataProtection, _time);
        var key = await running.GetKeyAsync(TestContext.Current.CancellationToken);

        store.Flush();
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(key, await running.GetKeyAsync(TestContext.Current.CancellationToken));

        using var later = new StepUpKeyRing(store, _dataProtection, _time);
        Assert.Equal(key, await later.GetKeyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WithinAMinuteTheKeyIsServedWithoutAStoreCall()
    {
        var store = new SwitchableStore(_time);
        using var ring = new StepUpKeyRing(store, _dataProtection, _time);
        await ring.GetKeyAsync(TestContext.Current.CancellationToken);
        var calls = store.Calls;

        _time.Advance(TimeSpan.FromSeconds(59));
        await ring.GetKeyAsync(TestContext.Current.CancellationToken);

        Assert.Equal(calls, store.Calls);
    }

    [Fact]
    public async Task AStoreKeyThisAppCannotReadIsAClearConfigurationError()
    {
        var store = new SwitchableStore(_time);
        using var other = new StepUpKeyRing(store, new EphemeralDataProtectionProvider(), _time);
        await other.GetKeyAsync(TestContext.Current.CancellationToken);
        using var ring = new StepUpKeyRing(store, _dataProtection, _time);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ring.GetKeyAsync(TestContext.Current.CancellationToken).AsTask());

        Assert.Contains("share its Data Protection keys", error.Message, StringComparison.Ordinal);
    }
}

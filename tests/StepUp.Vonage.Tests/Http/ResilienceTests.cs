using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StepUp.AspNetCore.Channels;
using StepUp.Vonage.Tests.FakeVonage;
using StepUp.Vonage.Tests.Infrastructure;

namespace StepUp.Vonage.Tests.Http;

/// <summary>
/// Time-driven behaviour runs on a <see cref="FakeTimeProvider"/>: the test waits for each request to reach the fake Vonage,
/// then moves the clock. Counts are asserted, never durations.
/// </summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task TheTimeBudgetEndsRetriesBeforeTheAttemptsRunOut()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await VonageHarness.StartAsync(
            o =>
            {
                o.MaxAttempts = 10;
                o.RetryDelay = TimeSpan.Zero;
                o.AttemptTimeout = TimeSpan.FromSeconds(2);
                o.TotalTimeout = TimeSpan.FromSeconds(5);
            },
            s => s.AddSingleton<TimeProvider>(time));
        harness.Vonage.Script(FakeVonageServer.Sms, [.. Enumerable.Repeat(FakeReply.Hang(), 10)]);

        var sending = harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);
        await harness.Vonage.WaitForRequestsAsync(FakeVonageServer.Sms, 1);
        time.Advance(TimeSpan.FromSeconds(2)); // attempt 1 times out at 2 s; attempt 2 starts
        await harness.Vonage.WaitForRequestsAsync(FakeVonageServer.Sms, 2);
        time.Advance(TimeSpan.FromSeconds(2)); // attempt 2 times out at 4 s; attempt 3 starts
        await harness.Vonage.WaitForRequestsAsync(FakeVonageServer.Sms, 3);
        time.Advance(TimeSpan.FromSeconds(1)); // the 5 s budget is spent during attempt 3
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(30), Test.Ct); // a hang guard, not a timing assertion

        Assert.Equal(PhoneDeliveryStatus.ProviderUnavailable, result.Status);
        Assert.Equal("Vonage: no answer in time", result.Detail);
        Assert.Equal(3, harness.Vonage.RequestsTo(FakeVonageServer.Sms).Count);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 410);
    }

    [Fact]
    public async Task AnAttemptThatTimesOutIsRetried()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await VonageHarness.StartAsync(
            o =>
            {
                o.RetryDelay = TimeSpan.Zero;
                o.AttemptTimeout = TimeSpan.FromSeconds(2);
                o.TotalTimeout = TimeSpan.FromSeconds(10);
            },
            s => s.AddSingleton<TimeProvider>(time));
        harness.Vonage.Script(FakeVonageServer.Sms, FakeReply.Hang());

        var sending = harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);
        await harness.Vonage.WaitForRequestsAsync(FakeVonageServer.Sms, 1);
        time.Advance(TimeSpan.FromSeconds(2));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(30), Test.Ct); // a hang guard, not a timing assertion

        Assert.True(result.Succeeded);
        Assert.Equal(2, harness.Vonage.RequestsTo(FakeVonageServer.Sms).Count);
    }

    [Fact]
    public async Task RetriesWaitOnTheClockWithExponentialBackoff()
    {
        var time = new ObservableTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await VonageHarness.StartAsync(
            o =>
            {
                o.MaxAttempts = 3;
                o.RetryDelay = TimeSpan.FromSeconds(1);
                o.RetryMaxDelay = TimeSpan.FromSeconds(30);
                o.TotalTimeout = TimeSpan.FromSeconds(60);
                o.AttemptTimeout = TimeSpan.FromSeconds(60);
            },
            s => s.AddSingleton<TimeProvider>(time));
        harness.Vonage.Script(FakeVonageServer.Sms, FakeReply.Status(503), FakeReply.Status(503));
        static bool IsBackoff(TimeSpan dueTime) => dueTime > TimeSpan.Zero && dueTime < TimeSpan.FromSeconds(30);

        var sending = harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);
        var first = await time.NextTimerAsync(IsBackoff);
        Assert.Single(harness.Vonage.RequestsTo(FakeVonageServer.Sms));
        time.Advance(first);
        var second = await time.NextTimerAsync(IsBackoff);
        Assert.Equal(2, harness.Vonage.RequestsTo(FakeVonageServer.Sms).Count);
        time.Advance(second);
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(30), Test.Ct); // a hang guard, not a timing assertion

        // Polly's exponential backoff with jitter: the n-th wait is under 2^n × RetryDelay.
        Assert.True(result.Succeeded);
        Assert.Equal(3, harness.Vonage.RequestsTo(FakeVonageServer.Sms).Count);
        Assert.InRange(first, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(2));
        Assert.InRange(second, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(4));
        Assert.Equal(2, harness.Logs.GetSnapshot().Count(r => r.Id.Id == 409));
    }

    [Fact]
    public async Task A429WithAShortRetryAfterIsRetried()
    {
        await using var harness = await VonageHarness.StartAsync(o => o.RetryMaxDelay = TimeSpan.FromSeconds(1));
        harness.Vonage.Script(FakeVonageServer.Sms, FakeReply.Status(429, null, ("Retry-After", "0")));

        var result = await harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(2, harness.Vonage.RequestsTo(FakeVonageServer.Sms).Count);
    }

    [Fact]
    public async Task A429AskingForALongerWaitThanAllowedIsNotRetried()
    {
        await using var harness = await VonageHarness.StartAsync(o => o.RetryMaxDelay = TimeSpan.FromSeconds(1));
        harness.Vonage.Script(FakeVonageServer.Calls, FakeReply.Status(429, null, ("Retry-After", "30")));

        var result = await harness.Channel.PlaceCallAsync(harness.CodeMessage(), Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.Throttled, result.Status);
        Assert.Single(harness.Vonage.RequestsTo(FakeVonageServer.Calls));
    }

    [Fact]
    public async Task OneAttemptMeansNoRetry()
    {
        await using var harness = await VonageHarness.StartAsync(o => o.MaxAttempts = 1);
        harness.Vonage.Script(FakeVonageServer.Sms, FakeReply.Status(503));

        var result = await harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.ProviderUnavailable, result.Status);
        Assert.Single(harness.Vonage.RequestsTo(FakeVonageServer.Sms));
    }

    [Fact]
    public async Task TheCallersCancellationIsNotTurnedIntoADeliveryResult()
    {
        await using var harness = await VonageHarness.StartAsync();
        harness.Vonage.Script(FakeVonageServer.Sms, FakeReply.Hang());
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Test.Ct);

        var sending = harness.Channel.SendTextAsync(harness.CodeMessage(), cancel.Token);
        await harness.Vonage.WaitForRequestsAsync(FakeVonageServer.Sms, 1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Single(harness.Vonage.RequestsTo(FakeVonageServer.Sms));
    }
}

using System.Net;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.Faults;

/// <summary>
/// Each way a delivery can fail, as StepUp's channel contract names it: a message the user can act on, the other channel
/// offered (JSON and page), no usable code left behind, and the documented budget rule — a failed delivery counts toward
/// the send limits but lifts the resend cooldown, so the other channel can be tried at once.
/// </summary>
public sealed class DeliveryStatusTests(SecuritySuite suite) : AttackTest(suite)
{
    [Theory]
    [InlineData(PhoneDeliveryStatus.InvalidNumber, "This number cannot receive codes. Check the number and try again.")]
    [InlineData(PhoneDeliveryStatus.Undeliverable, "We could not reach this number this way. Try a voice call.")]
    [InlineData(PhoneDeliveryStatus.Throttled, "We could not send the code just now. Try again in a moment, or try a voice call.")]
    [InlineData(PhoneDeliveryStatus.ProviderUnavailable, "We could not send the code just now. Try again in a moment, or try a voice call.")]
    [InlineData(PhoneDeliveryStatus.ProviderRejected, "We could not send the code just now. Try again in a moment, or try a voice call.")]
    public async Task AFailedTextGivesAClearMessageOffersACallAndTheCallGoesOutAtOnce(PhoneDeliveryStatus failure, string message)
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        app.Network.Behaviour = (channel, _, _) => Task.FromResult(channel == PhoneChannel.Sms ? new PhoneDeliveryResult(failure, Detail: "test network") : PhoneDeliveryResult.Accept());
        var browser = await SignedInAsync(app, user);

        using var text = await browser.StartAsync("sms");
        var problem = await text.JsonAsync();
        var (pageAnswer, page) = await browser.SubmitAsync((await browser.GetPageAsync("/stepup")).Document, "#send");
        using var call = await browser.StartAsync("voice");

        Assert.Equal((HttpStatusCode)424, text.StatusCode);
        Assert.Equal(message, problem.GetProperty("detail").GetString());
        Assert.Equal("voice", problem.GetProperty("otherChannel").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, pageAnswer.StatusCode);
        Assert.Equal(message, page.QuerySelector("#error")?.TextContent);
        Assert.NotNull(page.QuerySelector("#channel-voice"));
        Assert.Equal(HttpStatusCode.Accepted, call.StatusCode);
        Assert.Equal(PhoneChannel.Voice, (await app.Store.GetChallengeAsync(user, TestContext.Current.CancellationToken))!.Channel);
    }

    [Fact]
    public async Task FailedDeliveriesCountTowardTheSendLimitButNeverWaitForTheCooldown()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        app.Network.Behaviour = (_, _, _) => Task.FromResult(new PhoneDeliveryResult(PhoneDeliveryStatus.ProviderUnavailable, Detail: "provider down"));
        var browser = await SignedInAsync(app, user);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await browser.StartAsync(i % 2 == 0 ? "sms" : "voice");
            statuses.Add(response.StatusCode);
        }

        app.Network.Behaviour = (_, _, _) => Task.FromResult(PhoneDeliveryResult.Accept());
        using var afterRecovery = await browser.StartAsync("sms");

        // Five attempts reached the provider back to back (no cooldown after a failure); the sixth hit the per-user limit of
        // five sends per hour, and so does the first one after the provider recovered.
        Assert.Equal([.. Enumerable.Repeat((HttpStatusCode)424, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(5, app.Network.Attempts.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, afterRecovery.StatusCode);
        Assert.Contains("Too many codes", (await afterRecovery.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileASlowProviderHoldsATextTheAppKeepsServingAResendWaitsAndACallFollowsItsFailure()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var stalled = new TaskCompletionSource<PhoneDeliveryResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Network.Behaviour = (channel, _, _) =>
        {
            if (channel == PhoneChannel.Voice)
            {
                return Task.FromResult(PhoneDeliveryResult.Accept());
            }

            reached.TrySetResult();
            return stalled.Task;
        };
        var browser = await SignedInAsync(app, user);

        var slowText = browser.StartAsync("sms");
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        using var publicPage = await browser.GetAsync("/public");
        using var secondSend = await browser.StartAsync("voice");
        stalled.SetResult(new PhoneDeliveryResult(PhoneDeliveryStatus.ProviderUnavailable, Detail: "gave up"));
        using var text = await slowText;
        using var call = await browser.StartAsync("voice");

        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, secondSend.StatusCode); // the pending text holds the cooldown
        Assert.Equal((HttpStatusCode)424, text.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, call.StatusCode); // its failure lifted the cooldown
    }
}

using System.Net;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.Replay;

/// <summary>
/// A session that has not stepped up cannot point codes at another number, and a code sent for one purpose (changing the
/// number) is void once a code for another purpose (a plain step-up) replaces it.
/// </summary>
public sealed class PurposeConfusionTests(SecuritySuite suite) : AttackTest(suite)
{
    [Fact]
    public async Task WithoutAStepUpASessionCannotSendACodeToAnotherNumber()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        await AttachPhoneAsync(app, user, NewPhoneNumber());
        var thief = await SignedInAsync(app, user);
        var thiefPhone = NewPhoneNumber();

        using var viaStepUp = await thief.StartAsync(phoneNumber: thiefPhone);
        using var viaChange = await thief.PostJsonAsync("/stepup/api/phone/challenges", new { channel = "sms", phoneNumber = thiefPhone });
        using var changePage = await thief.GetAsync("/stepup/phone");

        Assert.Equal(HttpStatusCode.Conflict, viaStepUp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, viaChange.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changePage.StatusCode);
        Assert.StartsWith("/stepup?returnUrl=", changePage.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Empty(app.Network.Attempts);
    }

    [Fact]
    public async Task APhoneChangeCodeIsVoidOnceAStepUpCodeReplacesItAndTheNumberStays()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        var newPhone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var browser = await SignedInAsync(app, user);
        await browser.StepUpAsync(app, phone);
        using var change = await browser.PostJsonAsync("/stepup/api/phone/challenges", new { channel = "sms", phoneNumber = newPhone });
        var changeId = (await change.JsonAsync()).GetProperty("challengeId").GetString()!;
        var changeCode = app.Network.LatestCode(newPhone);

        app.Time.Advance(TimeSpan.FromMinutes(2));
        var stepUpId = await browser.StartCodeAsync();
        using var oldChallenge = await browser.VerifyAsync(changeId, changeCode);
        using var newChallenge = await browser.VerifyAsync(stepUpId, changeCode);

        Assert.Equal(HttpStatusCode.Accepted, change.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, oldChallenge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, newChallenge.StatusCode);
        Assert.Equal(phone, (await app.Store.GetVerifiedPhoneAsync(user, TestContext.Current.CancellationToken))!.PhoneNumber);
    }
}

using System.Net;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.Replay;

/// <summary>A code is good once, for one user: replays, other users' codes and made-up challenges get nothing.</summary>
public sealed class CodeReplayTests(SecuritySuite suite) : AttackTest(suite)
{
    [Fact]
    public async Task AUsedCodeIsRefusedWhenReplayedFromAnotherSessionOfTheSameUser()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var victim = await SignedInAsync(app, user);
        var challengeId = await victim.StartCodeAsync();
        var code = app.Network.LatestCode(phone);
        using var used = await victim.VerifyAsync(challengeId, code);
        var thief = await SignedInAsync(app, user); // the same account, another session (e.g. a stolen password)

        using var replay = await thief.VerifyAsync(challengeId, code);
        using var sensitive = await thief.GetApiAsync("/sensitive");
        using var replayInOriginalSession = await victim.VerifyAsync(challengeId, code);

        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, sensitive.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, replayInOriginalSession.StatusCode);
    }

    [Fact]
    public async Task UserBGetsNothingFromUserAsCodeAndUserAKeepsIt()
    {
        var app = await StartAppAsync();
        var (alice, bob) = (NewUser(), NewUser());
        var (alicePhone, bobPhone) = (NewPhoneNumber(), NewPhoneNumber());
        await AttachPhoneAsync(app, alice, alicePhone);
        await AttachPhoneAsync(app, bob, bobPhone);
        var aliceBrowser = await SignedInAsync(app, alice);
        var bobBrowser = await SignedInAsync(app, bob);
        var aliceChallenge = await aliceBrowser.StartCodeAsync();
        var aliceCode = app.Network.LatestCode(alicePhone);
        var bobChallenge = await bobBrowser.StartCodeAsync();

        using var withAlicesChallenge = await bobBrowser.VerifyAsync(aliceChallenge, aliceCode);
        using var withBobsChallenge = await bobBrowser.VerifyAsync(bobChallenge, aliceCode);
        using var bobSensitive = await bobBrowser.GetApiAsync("/sensitive");
        using var aliceVerifies = await aliceBrowser.VerifyAsync(aliceChallenge, aliceCode);

        Assert.Equal(HttpStatusCode.Gone, withAlicesChallenge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withBobsChallenge.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bobSensitive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, aliceVerifies.StatusCode);
    }

    [Fact]
    public async Task ACodeReplacedByAResendNoLongerWorks()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var browser = await SignedInAsync(app, user);
        var first = await browser.StartCodeAsync();
        var firstCode = app.Network.LatestCode(phone);
        app.Time.Advance(TimeSpan.FromSeconds(31));
        var second = await browser.StartCodeAsync();

        using var oldPair = await browser.VerifyAsync(first, firstCode);
        using var oldCodeNewChallenge = await browser.VerifyAsync(second, firstCode);
        using var newPair = await browser.VerifyAsync(second, app.Network.LatestCode(phone));

        Assert.Equal(HttpStatusCode.Gone, oldPair.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oldCodeNewChallenge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPair.StatusCode);
    }

    [Fact]
    public async Task AnExpiredCodeIsRefusedEvenWhenRight()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var browser = await SignedInAsync(app, user);
        var challengeId = await browser.StartCodeAsync();
        app.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        using var late = await browser.VerifyAsync(challengeId, app.Network.LatestCode(phone));
        using var sensitive = await browser.GetApiAsync("/sensitive");

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, sensitive.StatusCode);
    }
}

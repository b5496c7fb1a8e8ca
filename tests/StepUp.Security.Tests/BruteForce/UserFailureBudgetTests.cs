using System.Net;
using StackExchange.Redis;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.BruteForce;

/// <summary>
/// Guessing across resends and fresh sessions: five wrong tries per code, ten per user per hour whatever the code or
/// session, nothing compared once the budget is spent (not even the right code), and a success forgives earlier failures.
/// </summary>
public sealed class UserFailureBudgetTests(SecuritySuite suite) : AttackTest(suite)
{
    [Fact]
    public async Task WrongCodesAcrossResendsAndNewSessionsNeverExceedFivePerCodeAndTenPerUser()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var wrongPerRound = new List<int>();
        var statuses = new List<HttpStatusCode>();

        for (var round = 0; round < 4; round++)
        {
            app.Time.Advance(TimeSpan.FromMinutes(11)); // past any resend cooldown, well within the one-hour failure window
            var attacker = await SignedInAsync(app, user); // a new session each round
            var challengeId = await attacker.StartCodeAsync();
            var right = app.Network.LatestCode(phone);
            var wrong = 0;
            for (var guess = 0; guess < 8; guess++)
            {
                using var response = await attacker.VerifyAsync(challengeId, Codes.WrongFor(right));
                statuses.Add(response.StatusCode);
                wrong += response.StatusCode == HttpStatusCode.BadRequest ? 1 : 0;
            }

            wrongPerRound.Add(wrong);
            if (round == 3)
            {
                using var rightCode = await attacker.VerifyAsync(challengeId, right);
                using var sensitive = await attacker.GetApiAsync("/sensitive");
                Assert.Equal(HttpStatusCode.TooManyRequests, rightCode.StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, sensitive.StatusCode);
            }
        }

        // Per code: four "wrong code" answers, then the fifth wrong try voids the code (429). Per user: ten compared tries
        // in all, then nothing is compared any more, in any session, for any code.
        Assert.Equal([4, 4, 0, 0], wrongPerRound);
        Assert.Equal(8, statuses.Count(s => s == HttpStatusCode.BadRequest));
        Assert.Equal(24, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(10, await FailuresInRedisAsync(app, user));
    }

    [Fact]
    public async Task TheBudgetComesBackOnlyAfterTheFailureWindow()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var browser = await SignedInAsync(app, user);
        for (var round = 0; round < 2; round++)
        {
            app.Time.Advance(TimeSpan.FromMinutes(11));
            var id = await browser.StartCodeAsync();
            var right = app.Network.LatestCode(phone);
            for (var guess = 0; guess < 5; guess++)
            {
                (await browser.VerifyAsync(id, Codes.WrongFor(right))).Dispose();
            }
        }

        app.Time.Advance(TimeSpan.FromMinutes(30)); // 41 minutes after the first failure: still locked
        var locked = await browser.StartCodeAsync();
        using var stillLocked = await browser.VerifyAsync(locked, app.Network.LatestCode(phone));
        app.Time.Advance(TimeSpan.FromMinutes(20)); // 61 minutes after the first failure: the window has passed
        var fresh = await browser.StartCodeAsync();
        using var verified = await browser.VerifyAsync(fresh, app.Network.LatestCode(phone));

        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }

    [Fact]
    public async Task ASuccessForgivesEarlierFailuresSoTheNextCodeHasItsFullBudget()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var browser = await SignedInAsync(app, user);
        var first = await browser.StartCodeAsync();
        for (var guess = 0; guess < 4; guess++)
        {
            (await browser.VerifyAsync(first, Codes.WrongFor(app.Network.LatestCode(phone)))).Dispose();
        }

        app.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await browser.StartCodeAsync();
        var secondCode = app.Network.LatestCode(phone);
        for (var guess = 0; guess < 4; guess++)
        {
            (await browser.VerifyAsync(second, Codes.WrongFor(secondCode))).Dispose();
        }

        Assert.Equal(8, await FailuresInRedisAsync(app, user));
        using var verified = await browser.VerifyAsync(second, secondCode);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(0, await FailuresInRedisAsync(app, user));

        app.Time.Advance(TimeSpan.FromMinutes(5));
        var third = await browser.StartCodeAsync();
        var thirdCode = app.Network.LatestCode(phone);
        var attemptsLeft = new List<int>();
        for (var guess = 0; guess < 5; guess++)
        {
            using var wrong = await browser.VerifyAsync(third, Codes.WrongFor(thirdCode));
            attemptsLeft.Add(wrong.StatusCode == HttpStatusCode.BadRequest ? (await wrong.JsonAsync()).GetProperty("attemptsLeft").GetInt32() : -1);
        }

        Assert.Equal([4, 3, 2, 1, -1], attemptsLeft); // the fifth wrong try voids the code: 429, no attempts left to report
    }

    private async Task<int> FailuresInRedisAsync(SecurityApp app, string user)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Suite.Redis.EndPoint);
        var value = await redis.GetDatabase().HashGetAsync(app.Settings.KeyPrefix + "{u:" + user + "}:failures", "n");
        return value.IsNull ? 0 : (int)value;
    }
}

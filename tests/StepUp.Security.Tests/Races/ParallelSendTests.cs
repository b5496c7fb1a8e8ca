using System.Net;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.Races;

/// <summary>Many sends at the same moment: the cooldown and the per-user, per-number and per-address limits hold exactly.</summary>
public sealed class ParallelSendTests(SecuritySuite suite) : AttackTest(suite)
{
    [Fact]
    public async Task TwentyParallelSendsDuringTheCooldownDeliverExactlyOneCode()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var browser = await SignedInAsync(app, user);

        var statuses = await Together.StatusesAsync(20, i => browser.StartAsync(i % 2 == 0 ? "sms" : "voice"));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(1, app.Network.CountTo(phone));
    }

    [Fact]
    public async Task WithoutACooldownTwentyParallelSendsDeliverExactlyThePerUserLimit()
    {
        var app = await StartAppAsync(new SecurityAppSettings { StepUp = o => o.ResendCooldown = TimeSpan.Zero });
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var browser = await SignedInAsync(app, user);

        var statuses = await Together.StatusesAsync(20, _ => browser.StartAsync());

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(15, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(5, app.Network.CountTo(phone));
    }

    [Fact]
    public async Task TwelveUsersEnrollingOneVictimNumberAtOnceSendItExactlyFiveCodes()
    {
        var app = await StartAppAsync();
        var victim = NewPhoneNumber();
        var attackers = new List<StepUp.Testing.Hosting.BrowserClient>();
        for (var i = 0; i < 12; i++)
        {
            attackers.Add(await SignedInAsync(app, NewUser()));
        }

        var statuses = await Together.StatusesAsync(12, i => attackers[i].StartAsync(phoneNumber: victim));

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(5, app.Network.CountTo(victim));
    }

    [Fact]
    public async Task ThirtyUsersAtOnceFromOneAddressGetExactlyTwentyCodes()
    {
        var app = await StartAppAsync();
        var browsers = new List<StepUp.Testing.Hosting.BrowserClient>();
        for (var i = 0; i < 30; i++)
        {
            browsers.Add(await SignedInAsync(app, NewUser()));
        }

        var statuses = await Together.StatusesAsync(30, i => browsers[i].StartAsync(phoneNumber: NewPhoneNumber()));

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(20, app.Network.Attempts.Count);
    }
}

using System.Net;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.Secrecy;

/// <summary>
/// Every way a code and a number travel — enrolment on the page, step-up by JSON, resend, switch to a call, wrong codes,
/// a refused delivery, rate limits, a transfer approval, a number change with its notice to the old number, sign-out —
/// and afterwards no code, no number (other than masked) and no key material in any response, log line, exception,
/// Redis command or Redis key. (Every other test in the suite is audited the same way when it ends.)
/// </summary>
public sealed class SecrecyJourneyTests(SecuritySuite suite) : AttackTest(suite)
{
    [Fact]
    public async Task AFullJourneyLeavesNoCodeNumberOrKeyInResponsesLogsOrRedis()
    {
        var app = await StartAppAsync(new SecurityAppSettings
        {
            StepUp = o =>
            {
                o.MaxSendsPerUser = 20;
                o.MaxResendCooldown = o.ResendCooldown; // 30 s between sends, not doubling
            },
        });
        var user = NewUser();
        var (phone, newPhone) = (NewPhoneNumber(), NewPhoneNumber());
        var browser = await SignedInAsync(app, user);

        // Enrolment on the page: the number typed, a wrong code, the right one.
        var (_, page) = await browser.GetPageAsync("/stepup?returnUrl=%2Fsensitive");
        var (_, codeForm) = await browser.SubmitAsync(page, "#send", new Dictionary<string, string> { ["PhoneNumber"] = phone.Insert(3, " ").Insert(5, " ") });
        var (wrongPage, _) = await browser.SubmitAsync(codeForm, "#verify", new Dictionary<string, string> { ["Code"] = Codes.WrongFor(app.Network.LatestCode(phone)) });
        var (enrolled, _) = await browser.SubmitAsync(codeForm, "#verify", new Dictionary<string, string> { ["Code"] = app.Network.LatestCode(phone) });

        // Step-up by JSON: a text, a refused text, a call instead, a rate-limited resend.
        app.Time.Advance(TimeSpan.FromSeconds(31));
        var first = await browser.StartCodeAsync();
        app.Network.Behaviour = (channel, _, _) => Task.FromResult(channel == PhoneChannel.Sms
            ? new PhoneDeliveryResult(PhoneDeliveryStatus.Undeliverable, Detail: "test network refuses texts")
            : PhoneDeliveryResult.Accept());
        app.Time.Advance(TimeSpan.FromSeconds(31));
        using var refused = await browser.StartAsync("sms");
        var call = await browser.StartCodeAsync("voice");
        using var tooSoon = await browser.StartAsync("voice");
        app.Network.Behaviour = (_, _, _) => Task.FromResult(PhoneDeliveryResult.Accept());
        using var stale = await browser.VerifyAsync(first, app.Network.LatestCode(phone));
        using var steppedUp = await browser.VerifyAsync(call, app.Network.LatestCode(phone));

        // A transfer approved by code, then the number replaced (the old number is told).
        app.Time.Advance(TimeSpan.FromSeconds(31));
        using var challenge = await browser.PayAsync(new Payment("op-9", "75.00", "NL91ABNA0417164300"));
        await browser.StepUpAsync(app, phone, transaction: (await challenge.JsonAsync()).GetProperty("transaction").GetString());
        using var paid = await browser.PayAsync(new Payment("op-9", "75.00", "NL91ABNA0417164300"));
        app.Time.Advance(TimeSpan.FromSeconds(31));
        using var change = await browser.PostJsonAsync("/stepup/api/phone/challenges", new { channel = "voice", phoneNumber = newPhone });
        using var changed = await browser.VerifyAsync((await change.JsonAsync()).GetProperty("challengeId").GetString()!, app.Network.LatestCode(newPhone));
        using var status = await browser.GetApiAsync("/stepup/api/status");
        using var signedOut = await browser.GetAsync("/test/sign-out");

        Assert.Equal(HttpStatusCode.BadRequest, wrongPage.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Assert.Equal((HttpStatusCode)424, refused.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, steppedUp.StatusCode);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains(app.Network.Attempts, m => m.Message.Kind == PhoneMessageKind.PhoneChangedNotice && m.Message.To == phone);
        Assert.Contains("••", (await status.JsonAsync()).GetProperty("maskedPhoneNumber").GetString(), StringComparison.Ordinal);
        Assert.True(app.Network.Attempts.Count >= 7);
        await AuditNowAsync(); // throws, naming each place, if anything leaked
    }
}

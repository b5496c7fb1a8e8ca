using System.Net;
using StepUp.AspNetCore.Channels;
using StepUp.AspNetCore.Store;
using StepUp.Testing.Hosting;

namespace StepUp.AspNetCore.Tests.Pages;

public sealed class PhonePageTests
{
    private const string NewPhone = "+447911123456";

    [Fact]
    public async Task ReplacingTheNumberNeedsTheCurrentOneFirstAndTellsTheOldNumber()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        var guarded = await browser.GetAsync("/stepup/phone");
        Assert.Equal(HttpStatusCode.Redirect, guarded.StatusCode);
        Assert.StartsWith("/stepup?returnUrl=%2Fstepup%2Fphone", guarded.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var direct = await browser.PostJsonAsync("/stepup/api/phone/challenges", new { channel = "sms", phoneNumber = NewPhone });
        Assert.Equal(HttpStatusCode.Unauthorized, direct.StatusCode);

        await browser.StepUpAsync(app, StepUpApi.AlicePhone);
        var (_, page) = await browser.GetPageAsync("/stepup/phone");
        var (_, codePage) = await browser.SubmitAsync(page, "#send", new Dictionary<string, string> { ["PhoneNumber"] = "+44 7911 123456" });
        var (_, done) = await browser.SubmitAsync(codePage, "#verify", new Dictionary<string, string> { ["Code"] = app.LatestCode(NewPhone) });

        Assert.Contains("Your phone number is now +44 •••• ••••56", done.Body!.TextContent, StringComparison.Ordinal);
        var attached = await app.Services.GetRequiredService<IStepUpStore>().GetVerifiedPhoneAsync(StepUpApi.Alice, TestContext.Current.CancellationToken);
        Assert.Equal(NewPhone, attached!.PhoneNumber);
        var notice = app.Outbox.LatestTo(StepUpApi.AlicePhone)!;
        Assert.Equal(PhoneMessageKind.PhoneChangedNotice, notice.Kind);
        Assert.Null(notice.Code);
    }

    [Fact]
    public async Task ACodeSentForANewNumberCannotBeUsedToStepUp()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        // Enrolment is refused while a number is attached: a code can only go to a new number through the protected change.
        using var enrol = await browser.StartAsync("sms", NewPhone);

        Assert.Equal(HttpStatusCode.Conflict, enrol.StatusCode);
        Assert.Null(app.Outbox.LatestTo(NewPhone));
    }
}

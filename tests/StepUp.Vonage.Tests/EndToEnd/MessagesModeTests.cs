using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.AspNetCore.Verification;
using StepUp.Vonage.Tests.FakeVonage;

namespace StepUp.Vonage.Tests.EndToEnd;

/// <summary>StepUp makes the code, Vonage's SMS and Voice APIs deliver it, StepUp checks it.</summary>
public sealed class MessagesModeTests
{
    [Fact]
    public async Task ACodeSentByTextMessageVerifiesThePhone()
    {
        await using var app = await StepUpHost.StartAsync("Messages");

        var started = await app.EnrolAsync(PhoneChannel.Sms);
        var text = Assert.Single(app.Vonage.RequestsTo(FakeVonageServer.Sms)).Form["text"];
        var code = Regex.Match(text, @"\n\n@bank\.example #(\d{6})$").Groups[1].Value;
        var verified = await app.VerifyAsync(started.ChallengeId!, code);

        Assert.Equal(StartVerificationStatus.Sent, started.Status);
        Assert.StartsWith("Contoso Bank: your verification code is " + code, text, StringComparison.Ordinal);
        Assert.Equal(VerifyCodeStatus.Verified, verified.Status);
        Assert.Equal("+31612345678", verified.Phone!.PhoneNumber);
        var logged = app.EverythingLoggedAndEveryUrl();
        Assert.DoesNotContain(code, logged, StringComparison.Ordinal);
        Assert.DoesNotContain("612345678", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Vonage.Credentials.ApiSecret, logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongCodeIsRefusedAndTheRightOneStillWorks()
    {
        await using var app = await StepUpHost.StartAsync("Messages");

        var started = await app.EnrolAsync(PhoneChannel.Sms);
        var code = Regex.Match(app.Vonage.RequestsTo(FakeVonageServer.Sms)[0].Form["text"], @"#(\d{6})$").Groups[1].Value;
        var wrong = await app.VerifyAsync(started.ChallengeId!, code == "000000" ? "111111" : "000000");
        var right = await app.VerifyAsync(started.ChallengeId!, code);

        Assert.Equal(VerifyCodeStatus.WrongCode, wrong.Status);
        Assert.Equal(VerifyCodeStatus.Verified, right.Status);
    }

    [Fact]
    public async Task ABarredNumberIsOfferedTheOtherChannelAndACallDeliversTheCode()
    {
        await using var app = await StepUpHost.StartAsync("Messages");
        app.Vonage.Script(FakeVonageServer.Sms, FakeReply.SmsStatus(7));

        var texted = await app.EnrolAsync(PhoneChannel.Sms);
        var called = await app.EnrolAsync(PhoneChannel.Voice, "nl-NL");
        var talk = JsonNode.Parse(Assert.Single(app.Vonage.RequestsTo(FakeVonageServer.Calls)).Body)!["ncco"]![0]!;
        var digits = Regex.Match((string)talk["text"]!, @"(\d(, \d){5})").Value.Replace(", ", string.Empty, StringComparison.Ordinal);
        var verified = await app.VerifyAsync(called.ChallengeId!, digits);
        var jwt = app.Vonage.RequestsTo(FakeVonageServer.Calls)[0].Header("Authorization")!["Bearer ".Length..];

        Assert.Equal(StartVerificationStatus.DeliveryFailed, texted.Status);
        Assert.Equal(PhoneDeliveryStatus.Undeliverable, texted.DeliveryStatus);
        Assert.Equal("We could not reach this number this way. Try a voice call.", texted.Message);
        Assert.Equal(StartVerificationStatus.Sent, called.Status);
        Assert.Equal("en-US", (string?)talk["language"]); // the app has no Dutch texts: English text, English voice
        Assert.Equal(VerifyCodeStatus.Verified, verified.Status);
        var logged = app.EverythingLoggedAndEveryUrl();
        Assert.DoesNotContain(jwt, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(digits, logged, StringComparison.Ordinal);
        Assert.DoesNotContain("612345678", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVonageOutageIsAClearTemporaryFailure()
    {
        await using var app = await StepUpHost.StartAsync("Messages");
        app.Vonage.Script(FakeVonageServer.Sms, FakeReply.Status(503), FakeReply.Status(503), FakeReply.Status(503));

        var started = await app.EnrolAsync(PhoneChannel.Sms);

        Assert.Equal(StartVerificationStatus.DeliveryFailed, started.Status);
        Assert.Equal(PhoneDeliveryStatus.ProviderUnavailable, started.DeliveryStatus);
        Assert.Equal("We could not send the code just now. Try again in a moment, or try a voice call.", started.Message);
        Assert.Equal(3, app.Vonage.RequestsTo(FakeVonageServer.Sms).Count);
    }
}

using StepUp.AspNetCore;
using StepUp.AspNetCore.Verification;
using StepUp.Vonage.Tests.FakeVonage;
using StepUp.Vonage.Tests.Infrastructure;

namespace StepUp.Vonage.Tests.EndToEnd;

/// <summary>Vonage Verify v2 makes, sends and checks the code; StepUp keeps the challenge, limits and the verified phone.</summary>
public sealed class VerifyModeTests
{
    [Fact]
    public async Task AVerifyCodeVerifiesThePhoneAfterAWrongTryAndAChannelSwitch()
    {
        await using var app = await StepUpHost.StartAsync("Verify");

        var texted = await app.EnrolAsync(PhoneChannel.Sms);
        var code = Assert.Single(app.Vonage.Deliveries).Code;
        var wrong = await app.VerifyAsync(texted.ChallengeId!, code == "000000" ? "111111" : "000000");
        var called = await app.EnrolAsync(PhoneChannel.Voice);
        var verified = await app.VerifyAsync(called.ChallengeId!, code);

        Assert.Equal(StartVerificationStatus.Sent, texted.Status);
        Assert.Equal(VerifyCodeStatus.WrongCode, wrong.Status);
        Assert.Equal(StartVerificationStatus.Sent, called.Status);
        Assert.Single(app.Vonage.RequestsTo(FakeVonageServer.VerifyStart));
        Assert.Single(app.Vonage.RequestsTo(FakeVonageServer.VerifyNext));
        Assert.Equal(["sms", "voice"], app.Vonage.Deliveries.Select(d => d.Channel));
        Assert.Equal(VerifyCodeStatus.Verified, verified.Status);
        Assert.Equal("+31612345678", verified.Phone!.PhoneNumber);
        Assert.Empty(app.Vonage.RequestsTo(FakeVonageServer.Sms));
        var logged = app.EverythingLoggedAndEveryUrl();
        var basic = app.Vonage.RequestsTo(FakeVonageServer.VerifyStart)[0].Header("Authorization")!["Basic ".Length..];
        Assert.DoesNotContain(code, logged, StringComparison.Ordinal);
        Assert.DoesNotContain("612345678", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Vonage.Credentials.ApiSecret, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(basic, logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingTheStepUpCancelsTheVonageVerification()
    {
        await using var app = await StepUpHost.StartAsync("Verify");
        await app.EnrolAsync(PhoneChannel.Sms);

        await app.Verification.CancelAsync("alice", Test.Ct);

        Assert.Equal("cancelled", Assert.Single(app.Vonage.Verifications).Value.Status);
    }

    [Fact]
    public async Task AVonageCheckOutageLetsTheUserTryAgain()
    {
        await using var app = await StepUpHost.StartAsync("Verify");
        var started = await app.EnrolAsync(PhoneChannel.Sms);
        var code = app.Vonage.Deliveries.Single().Code;
        app.Vonage.Script(FakeVonageServer.VerifyCheck, FakeReply.Status(500), FakeReply.Status(500), FakeReply.Status(500));

        var failed = await app.VerifyAsync(started.ChallengeId!, code);
        var retried = await app.VerifyAsync(started.ChallengeId!, code);

        Assert.Equal(VerifyCodeStatus.ProviderUnavailable, failed.Status);
        Assert.Equal("We could not check the code just now. Try again in a moment.", failed.Message);
        Assert.Equal(VerifyCodeStatus.Verified, retried.Status);
    }
}

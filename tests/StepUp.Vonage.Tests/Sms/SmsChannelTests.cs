using Microsoft.Extensions.DependencyInjection;
using StepUp.AspNetCore.Channels;
using StepUp.Vonage.Tests.FakeVonage;
using StepUp.Vonage.Tests.Infrastructure;

namespace StepUp.Vonage.Tests.Sms;

public sealed class SmsChannelTests
{
    [Fact]
    public async Task TheComposedTextIsPostedAsAFormWithTheCredentialsInTheBodyAndNothingInTheUrl()
    {
        await using var harness = await VonageHarness.StartAsync();
        var message = harness.CodeMessage();

        var result = await harness.Channel.SendTextAsync(message, Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.Accepted, result.Status);
        Assert.Equal("0A00000000000000", result.ProviderReference);
        var request = Assert.Single(harness.Vonage.RequestsTo(FakeVonageServer.Sms));
        Assert.Equal("/sms/json", request.Path);
        Assert.Equal(string.Empty, request.QueryString);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Null(request.Header("Authorization"));
        var expected = new Dictionary<string, string>
        {
            ["api_key"] = "abcd1234",
            ["api_secret"] = "Sec7ret0Sec7ret0",
            ["from"] = "StepUpBank",
            ["to"] = "31612345678",
            ["text"] = "Contoso Bank: your verification code is 482915. It expires in 5 minutes. Never share it.\n\n@bank.example #482915",
            ["client-ref"] = "chal0123-_abcDEF456789",
            ["ttl"] = "300000",
        };
        Assert.Equal(expected.OrderBy(p => p.Key), request.Form.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task TheOneTimeCodeLineIsTheLastLineOfTheText()
    {
        await using var harness = await VonageHarness.StartAsync();

        await harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);

        var text = harness.Vonage.RequestsTo(FakeVonageServer.Sms)[0].Form["text"];
        Assert.Equal("@bank.example #482915", text.Split('\n')[^1]);
    }

    [Fact]
    public async Task TextOutsideTheGsmAlphabetIsSentAsUnicode()
    {
        await using var harness = await VonageHarness.StartAsync();

        await harness.Channel.SendTextAsync(harness.CodeMessage(transaction: "send EUR 500.00 to NL91 ••• 4300"), Test.Ct);

        var form = harness.Vonage.RequestsTo(FakeVonageServer.Sms)[0].Form;
        Assert.Equal("unicode", form["type"]);
        Assert.Contains("NL91 ••• 4300", form["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedPhoneNoticeHasNoTimeToLive()
    {
        await using var harness = await VonageHarness.StartAsync();
        var composer = harness.Services.GetRequiredService<PhoneMessageComposer>();
        var notice = composer.ComposePhoneChangedNotice(VonageHarness.PhoneNumber, "Contoso Bank", System.Globalization.CultureInfo.GetCultureInfo("en-US"), "notice1");

        var result = await harness.Channel.SendTextAsync(notice, Test.Ct);

        Assert.True(result.Succeeded);
        Assert.False(harness.Vonage.RequestsTo(FakeVonageServer.Sms)[0].Form.ContainsKey("ttl"));
    }

    [Theory]
    [InlineData(0, PhoneDeliveryStatus.Accepted, 1)]
    [InlineData(1, PhoneDeliveryStatus.Throttled, 3)]
    [InlineData(2, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(3, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(4, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(5, PhoneDeliveryStatus.ProviderUnavailable, 3)]
    [InlineData(6, PhoneDeliveryStatus.InvalidNumber, 1)]
    [InlineData(7, PhoneDeliveryStatus.Undeliverable, 1)]
    [InlineData(8, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(9, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(10, PhoneDeliveryStatus.Throttled, 3)]
    [InlineData(11, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(12, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(14, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(15, PhoneDeliveryStatus.Undeliverable, 1)]
    [InlineData(16, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(19, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(20, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(22, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(23, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(29, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(32, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(33, PhoneDeliveryStatus.InvalidNumber, 1)]
    [InlineData(34, PhoneDeliveryStatus.InvalidNumber, 1)]
    [InlineData(99, PhoneDeliveryStatus.ProviderRejected, 1)]
    public async Task EverySmsStatusMapsToADeliveryResultAndOnlyPassingOnesAreRetried(int smsStatus, PhoneDeliveryStatus expected, int attempts)
    {
        await using var harness = await VonageHarness.StartAsync();
        harness.Vonage.Script(FakeVonageServer.Sms, FakeReply.SmsStatus(smsStatus), FakeReply.SmsStatus(smsStatus), FakeReply.SmsStatus(smsStatus));

        var result = await harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);

        Assert.Equal(expected, result.Status);
        Assert.Equal(attempts, harness.Vonage.RequestsTo(FakeVonageServer.Sms).Count);
    }

    [Fact]
    public async Task AThrottledTextIsSentOnceVonageCatchesUp()
    {
        await using var harness = await VonageHarness.StartAsync();
        harness.Vonage.Script(FakeVonageServer.Sms, FakeReply.SmsStatus(1));

        var result = await harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.Accepted, result.Status);
        Assert.Equal(2, harness.Vonage.RequestsTo(FakeVonageServer.Sms).Count);
    }

    [Fact]
    public async Task AMultipartTextWithOneAcceptedPartIsNotRetriedSoNoPartIsSentTwice()
    {
        await using var harness = await VonageHarness.StartAsync();
        harness.Vonage.Script(FakeVonageServer.Sms, FakeReply.SmsParts(0, 1));

        var result = await harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.Throttled, result.Status);
        Assert.Single(harness.Vonage.RequestsTo(FakeVonageServer.Sms));
    }

    [Fact]
    public async Task WrongCredentialsAreReportedAsARefusalWithoutRetrying()
    {
        await using var harness = await VonageHarness.StartAsync(o => o.ApiSecret = "WrongSecret00000");

        var result = await harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.ProviderRejected, result.Status);
        Assert.Equal("Vonage SMS status 4 (InvalidCredentials)", result.Detail);
        Assert.Single(harness.Vonage.RequestsTo(FakeVonageServer.Sms));
    }

    [Theory]
    [InlineData(500, PhoneDeliveryStatus.ProviderUnavailable, 3)]
    [InlineData(502, PhoneDeliveryStatus.ProviderUnavailable, 3)]
    [InlineData(503, PhoneDeliveryStatus.ProviderUnavailable, 3)]
    [InlineData(429, PhoneDeliveryStatus.Throttled, 3)]
    [InlineData(401, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(403, PhoneDeliveryStatus.ProviderRejected, 1)]
    [InlineData(404, PhoneDeliveryStatus.ProviderRejected, 1)]
    public async Task HttpErrorsOfTheSmsApiAreRetriedOnlyWhenTheyPass(int httpStatus, PhoneDeliveryStatus expected, int attempts)
    {
        await using var harness = await VonageHarness.StartAsync();
        var failure = FakeReply.Problem(httpStatus, "Failure " + httpStatus);
        harness.Vonage.Script(FakeVonageServer.Sms, failure, failure, failure);

        var result = await harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);

        Assert.Equal(expected, result.Status);
        Assert.Equal(attempts, harness.Vonage.RequestsTo(FakeVonageServer.Sms).Count);
    }

    [Fact]
    public async Task AServerErrorFollowedBySuccessDeliversTheText()
    {
        await using var harness = await VonageHarness.StartAsync();
        harness.Vonage.Script(FakeVonageServer.Sms, FakeReply.Status(503));

        var result = await harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(2, harness.Vonage.RequestsTo(FakeVonageServer.Sms).Count);
    }

    [Fact]
    public async Task ADroppedConnectionIsRetried()
    {
        await using var harness = await VonageHarness.StartAsync();
        harness.Vonage.Script(FakeVonageServer.Sms, FakeReply.Drop());

        var result = await harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(2, harness.Vonage.RequestsTo(FakeVonageServer.Sms).Count);
    }

    [Fact]
    public async Task AnUnreachableVonageIsReportedAsUnavailable()
    {
        await using var harness = await VonageHarness.StartAsync(o => o.SmsBaseUrl = new Uri("http://127.0.0.1:1/"));

        var result = await harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.ProviderUnavailable, result.Status);
        Assert.StartsWith("Vonage: HttpRequestException", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailuresAreLoggedWithTheStatusButNeverTheSecretTheNumberOrTheCode()
    {
        await using var harness = await VonageHarness.StartAsync();
        harness.Vonage.Script(FakeVonageServer.Sms, FakeReply.SmsStatus(7));
        harness.Vonage.Script(FakeVonageServer.Calls, FakeReply.Problem(400, "Bad Request +31612345678 482915"));

        await harness.Channel.SendTextAsync(harness.CodeMessage(), Test.Ct);
        await harness.Channel.PlaceCallAsync(harness.CodeMessage(), Test.Ct);

        var logged = harness.EverythingLoggedAndEveryUrl();
        Assert.Contains("SMS status 7 (NumberBarred)", logged, StringComparison.Ordinal);
        Assert.Contains("HTTP 400 Bad Request", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("Sec7ret0Sec7ret0", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("612345678", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("482915", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", logged, StringComparison.Ordinal);
    }
}

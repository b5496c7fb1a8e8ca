using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.Vonage.Tests.FakeVonage;
using StepUp.Vonage.Tests.Infrastructure;
using StepUp.Vonage.VerifyV2;

namespace StepUp.Vonage.Tests.VerifyV2;

public sealed class VerificationProviderTests
{
    private static Task<VonageHarness> StartAsync(Action<VonageOptions>? configure = null) =>
        VonageHarness.StartAsync(o =>
        {
            o.Mode = VonageMode.Verify;
            configure?.Invoke(o);
        });

    [Fact]
    public async Task StartPostsBrandWorkflowCodeLengthTimeoutLocaleAndClientRefWithBasicAuthentication()
    {
        await using var harness = await StartAsync(o => o.VerifyChannelTimeout = TimeSpan.FromSeconds(120));

        var started = await harness.Provider.StartAsync(VonageHarness.VerifyRequest(), Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.Accepted, started.Delivery.Status);
        var request = Assert.Single(harness.Vonage.RequestsTo(FakeVonageServer.VerifyStart));
        Assert.Equal(started.RequestId, harness.Vonage.Verifications.Single().Key);
        Assert.Equal("/v2/verify", request.Url);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("abcd1234:Sec7ret0Sec7ret0")), request.Header("Authorization"));
        var expected = JsonNode.Parse("""
            {
              "brand": "Contoso Bank",
              "workflow": [ { "channel": "sms", "to": "31612345678", "from": "StepUpBank" }, { "channel": "voice", "to": "31612345678" } ],
              "code_length": 6,
              "channel_timeout": 120,
              "locale": "nl-nl",
              "client_ref": "chal0123abcDEF456789"
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
    }

    [Fact]
    public async Task AVoiceFirstVerificationFallsBackToText()
    {
        await using var harness = await StartAsync();

        await harness.Provider.StartAsync(VonageHarness.VerifyRequest(PhoneChannel.Voice), Test.Ct);

        var channels = JsonNode.Parse(harness.Vonage.RequestsTo(FakeVonageServer.VerifyStart)[0].Body)!["workflow"]!.AsArray().Select(w => (string)w!["channel"]!);
        Assert.Equal(["voice", "sms"], channels);
    }

    [Fact]
    public async Task WithoutFallbackTheWorkflowHasOneStep()
    {
        await using var harness = await StartAsync(o => o.VerifyFallback = false);

        await harness.Provider.StartAsync(VonageHarness.VerifyRequest(), Test.Ct);

        Assert.Single(JsonNode.Parse(harness.Vonage.RequestsTo(FakeVonageServer.VerifyStart)[0].Body)!["workflow"]!.AsArray());
    }

    [Fact]
    public async Task ACultureVerifyDoesNotSpeakLeavesTheLocaleToVonage()
    {
        await using var harness = await StartAsync();

        await harness.Provider.StartAsync(VonageHarness.VerifyRequest(culture: "sw-KE"), Test.Ct);

        Assert.Null(JsonNode.Parse(harness.Vonage.RequestsTo(FakeVonageServer.VerifyStart)[0].Body)!["locale"]);
    }

    [Fact]
    public async Task WithJwtAuthenticationRequestsCarryTheApplicationsToken()
    {
        await using var harness = await StartAsync(o => o.VerifyAuthentication = VonageVerifyAuthentication.Jwt);

        var started = await harness.Provider.StartAsync(VonageHarness.VerifyRequest(), Test.Ct);
        var check = await harness.Provider.CheckAsync(started.RequestId!, harness.Vonage.Deliveries.Single().Code, Test.Ct);

        Assert.Equal(ProviderCheckStatus.Verified, check.Status);
        foreach (var request in harness.Vonage.Requests)
        {
            var token = new JsonWebToken(request.Header("Authorization")!["Bearer ".Length..]);
            Assert.Equal(harness.Vonage.Credentials.ApplicationId, token.GetClaim("application_id").Value);
        }
    }

    public static TheoryData<FakeReply, PhoneDeliveryStatus, int> StartFailures => new()
    {
        { FakeReply.Problem(409, "Conflict", "https://developer.vonage.com/en/api-errors/verify-v2#concurrent"), PhoneDeliveryStatus.Throttled, 1 },
        { FakeReply.Problem(422, "Invalid params", "https://developer.vonage.com/en/api-errors#invalid-params", ("workflow[0].to", "Invalid number")), PhoneDeliveryStatus.InvalidNumber, 1 },
        { FakeReply.Problem(422, "Invalid params", "https://developer.vonage.com/en/api-errors#invalid-params", ("brand", "Brand is required")), PhoneDeliveryStatus.ProviderRejected, 1 },
        { FakeReply.Problem(401, "Unauthorized"), PhoneDeliveryStatus.ProviderRejected, 1 },
        { FakeReply.Problem(402, "Low balance"), PhoneDeliveryStatus.ProviderRejected, 1 },
        { FakeReply.Problem(412, "Network not supported"), PhoneDeliveryStatus.Undeliverable, 1 },
        { FakeReply.Problem(429, "Rate Limit Hit"), PhoneDeliveryStatus.Throttled, 3 },
        { FakeReply.Problem(500, "Internal error"), PhoneDeliveryStatus.ProviderUnavailable, 3 },
    };

    [Theory]
    [MemberData(nameof(StartFailures))]
    public async Task StartFailuresMapToDeliveryResultsAndOnlyPassingOnesAreRetried(FakeReply failure, PhoneDeliveryStatus expected, int attempts)
    {
        await using var harness = await StartAsync();
        harness.Vonage.Script(FakeVonageServer.VerifyStart, failure, failure, failure);

        var started = await harness.Provider.StartAsync(VonageHarness.VerifyRequest(), Test.Ct);

        Assert.Equal(expected, started.Delivery.Status);
        Assert.Null(started.RequestId);
        Assert.Equal(attempts, harness.Vonage.RequestsTo(FakeVonageServer.VerifyStart).Count);
    }

    [Fact]
    public async Task ASecondVerificationToTheSameNumberIsThrottledByVonage()
    {
        await using var harness = await StartAsync();
        await harness.Provider.StartAsync(VonageHarness.VerifyRequest(), Test.Ct);

        var second = await harness.Provider.StartAsync(VonageHarness.VerifyRequest(), Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.Throttled, second.Delivery.Status);
        Assert.Equal("Vonage: HTTP 409 Conflict", second.Delivery.Detail);
    }

    [Fact]
    public async Task TheRightCodeIsVerifiedAndAWrongOneIsNot()
    {
        await using var harness = await StartAsync();
        var started = await harness.Provider.StartAsync(VonageHarness.VerifyRequest(), Test.Ct);
        var code = harness.Vonage.Deliveries.Single().Code;

        var wrong = await harness.Provider.CheckAsync(started.RequestId!, Wrong(code), Test.Ct);
        var right = await harness.Provider.CheckAsync(started.RequestId!, code, Test.Ct);

        Assert.Equal(ProviderCheckStatus.WrongCode, wrong.Status);
        Assert.Equal(ProviderCheckStatus.Verified, right.Status);
        var check = harness.Vonage.RequestsTo(FakeVonageServer.VerifyCheck)[1];
        Assert.Equal("/v2/verify/" + started.RequestId, check.Url);
        Assert.Equal(code, (string?)JsonNode.Parse(check.Body)!["code"]);
    }

    [Fact]
    public async Task TooManyWrongCodesEndTheVerification()
    {
        await using var harness = await StartAsync();
        var started = await harness.Provider.StartAsync(VonageHarness.VerifyRequest(), Test.Ct);
        var code = harness.Vonage.Deliveries.Single().Code;

        var results = new List<ProviderCheckStatus>();
        for (var i = 0; i < 3; i++)
        {
            results.Add((await harness.Provider.CheckAsync(started.RequestId!, Wrong(code), Test.Ct)).Status);
        }

        var afterwards = await harness.Provider.CheckAsync(started.RequestId!, code, Test.Ct);

        Assert.Equal([ProviderCheckStatus.WrongCode, ProviderCheckStatus.WrongCode, ProviderCheckStatus.Expired], results);
        Assert.Equal(ProviderCheckStatus.Expired, afterwards.Status);
    }

    [Fact]
    public async Task AnUnknownVerificationIsExpired()
    {
        await using var harness = await StartAsync();

        var check = await harness.Provider.CheckAsync("c11236f4-00bf-4b89-84ba-88b25df97315", "123456", Test.Ct);

        Assert.Equal(ProviderCheckStatus.Expired, check.Status);
    }

    public static TheoryData<FakeReply, int> CheckFailures => new()
    {
        { FakeReply.Problem(500, "Internal error"), 3 },
        { FakeReply.Problem(429, "Rate Limit Hit"), 3 },
        { FakeReply.Problem(409, "Conflict"), 1 },
        { FakeReply.Problem(401, "Unauthorized"), 1 },
        { FakeReply.Problem(402, "Low balance"), 1 },
    };

    [Theory]
    [MemberData(nameof(CheckFailures))]
    public async Task ACheckVonageCannotAnswerIsUnavailableNotWrong(FakeReply failure, int attempts)
    {
        await using var harness = await StartAsync();
        var started = await harness.Provider.StartAsync(VonageHarness.VerifyRequest(), Test.Ct);
        harness.Vonage.Script(FakeVonageServer.VerifyCheck, failure, failure, failure);

        var check = await harness.Provider.CheckAsync(started.RequestId!, harness.Vonage.Deliveries.Single().Code, Test.Ct);

        Assert.Equal(ProviderCheckStatus.ProviderUnavailable, check.Status);
        Assert.Equal(attempts, harness.Vonage.RequestsTo(FakeVonageServer.VerifyCheck).Count);
        Assert.DoesNotContain(harness.Vonage.Deliveries.Single().Code, check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchingChannelMovesTheVerificationToItsNextStep()
    {
        await using var harness = await StartAsync();
        var started = await harness.Provider.StartAsync(VonageHarness.VerifyRequest(), Test.Ct);

        var switched = await harness.Provider.SwitchChannelAsync(started.RequestId!, PhoneChannel.Voice, Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.Accepted, switched.Delivery.Status);
        Assert.Equal(started.RequestId, switched.RequestId);
        Assert.Equal("/v2/verify/" + started.RequestId + "/next_workflow", Assert.Single(harness.Vonage.RequestsTo(FakeVonageServer.VerifyNext)).Url);
        Assert.Equal(["sms", "voice"], harness.Vonage.Deliveries.Select(d => d.Channel));
    }

    [Fact]
    public async Task SwitchingAVerificationThatEndedFailsSoStepUpStartsAfresh()
    {
        await using var harness = await StartAsync();

        var switched = await harness.Provider.SwitchChannelAsync("c11236f4-00bf-4b89-84ba-88b25df97315", PhoneChannel.Voice, Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.ProviderUnavailable, switched.Delivery.Status);
        Assert.Null(switched.RequestId);
    }

    [Fact]
    public async Task SwitchingPastTheLastStepIsThrottled()
    {
        await using var harness = await StartAsync(o => o.VerifyFallback = false);
        var started = await harness.Provider.StartAsync(VonageHarness.VerifyRequest(), Test.Ct);

        var switched = await harness.Provider.SwitchChannelAsync(started.RequestId!, PhoneChannel.Voice, Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.Throttled, switched.Delivery.Status);
    }

    [Fact]
    public async Task CancelDeletesTheVerification()
    {
        await using var harness = await StartAsync();
        var started = await harness.Provider.StartAsync(VonageHarness.VerifyRequest(), Test.Ct);

        await harness.Provider.CancelAsync(started.RequestId!, Test.Ct);

        Assert.Equal("DELETE", Assert.Single(harness.Vonage.RequestsTo(FakeVonageServer.VerifyCancel)).Method);
        Assert.Equal("cancelled", harness.Vonage.Verifications[started.RequestId!].Status);
    }

    [Fact]
    public async Task CancellingAnUnknownOrFailingVerificationIsIgnored()
    {
        await using var harness = await StartAsync();
        harness.Vonage.Script(FakeVonageServer.VerifyCancel, FakeReply.Problem(401, "Unauthorized"));

        await harness.Provider.CancelAsync("refused", Test.Ct);
        await harness.Provider.CancelAsync("unknown", Test.Ct);

        Assert.Equal(2, harness.Vonage.RequestsTo(FakeVonageServer.VerifyCancel).Count);
    }

    [Theory]
    [InlineData("Contoso Bank", "Contoso Bank")]
    [InlineData("https://bank.example/{x}$", "httpsbank.examplex")]
    [InlineData("A very long brand name indeed", "A very long brand")]
    [InlineData("/:$", "StepUp")]
    public void BrandsAreCleanedToWhatVerifyAccepts(string brand, string expected) =>
        Assert.Equal(expected, VonageVerificationProvider.Brand(brand));

    [Fact]
    public void ClientReferencesKeepOnlyLettersAndDigits() =>
        Assert.Equal("chal0123abcDEF456789", VonageVerificationProvider.ClientRef("chal0123-_abcDEF456789"));

    [Theory]
    [InlineData("nl-NL", "nl-nl")]
    [InlineData("nl", "nl-nl")]
    [InlineData("en-GB", "en-gb")]
    [InlineData("en", "en-us")]
    [InlineData("de-AT", "de-de")]
    [InlineData("zh-TW", "zh-tw")]
    [InlineData("pt", "pt-br")]
    public void CulturesMapToAVerifyLocale(string culture, string expected) =>
        Assert.Equal(expected, VerifyLocales.For(CultureInfo.GetCultureInfo(culture)));

    private static string Wrong(string code) => code == "000000" ? "111111" : "000000";
}

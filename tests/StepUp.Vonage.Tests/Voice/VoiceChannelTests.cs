using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.Vonage.Tests.FakeVonage;
using StepUp.Vonage.Tests.Infrastructure;
using StepUp.Vonage.Voice;

namespace StepUp.Vonage.Tests.Voice;

public sealed class VoiceChannelTests
{
    [Fact]
    public async Task ACallIsPlacedWithAJwtSignedByTheApplicationKeyCarryingVonagesClaims()
    {
        var now = new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero);
        await using var harness = await VonageHarness.StartAsync(
            o => o.JwtLifetime = TimeSpan.FromMinutes(5),
            s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));
        harness.Vonage.Script(FakeVonageServer.Calls, FakeReply.Status(201, new { uuid = "call-1" }));

        var result = await harness.Channel.PlaceCallAsync(harness.CodeMessage(), Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.Accepted, result.Status);
        Assert.Equal("call-1", result.ProviderReference);
        var request = Assert.Single(harness.Vonage.RequestsTo(FakeVonageServer.Calls));
        Assert.Equal("/v1/calls", request.Url);
        var authorization = request.Header("Authorization")!;
        Assert.StartsWith("Bearer ", authorization, StringComparison.Ordinal);
        var token = authorization["Bearer ".Length..];
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            IssuerSigningKey = harness.Vonage.Credentials.PublicKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var jwt = new JsonWebToken(token);
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal(harness.Vonage.Credentials.ApplicationId, jwt.GetClaim("application_id").Value);
        Assert.Equal(now.ToUnixTimeSeconds(), long.Parse(jwt.GetClaim("iat").Value, CultureInfo.InvariantCulture));
        Assert.Equal(now.ToUnixTimeSeconds(), long.Parse(jwt.GetClaim("nbf").Value, CultureInfo.InvariantCulture));
        Assert.Equal(now.AddMinutes(5).ToUnixTimeSeconds(), long.Parse(jwt.GetClaim("exp").Value, CultureInfo.InvariantCulture));
        Assert.True(Guid.TryParse(jwt.Id, out _));
    }

    [Fact]
    public async Task TheCallReadsTheSpokenTextOnceInTheUsersLanguageAndHangsUpOnVoicemail()
    {
        await using var harness = await VonageHarness.StartAsync(
            services: s => s.AddSingleton<IStringLocalizer<PhoneMessageComposer>>(new TranslatingLocalizer("nl")));
        var message = harness.CodeMessage("nl-NL");
        Assert.StartsWith("(nl-NL) ", message.SpokenText, StringComparison.Ordinal);

        await harness.Channel.PlaceCallAsync(message, Test.Ct);

        var body = JsonNode.Parse(harness.Vonage.RequestsTo(FakeVonageServer.Calls)[0].Body)!;
        var expected = JsonNode.Parse($$"""
            {
              "to": [ { "number": "31612345678", "type": "phone" } ],
              "random_from_number": true,
              "ncco": [ { "text": {{JsonValue.Create(message.SpokenText).ToJsonString()}}, "language": "nl-NL", "premium": false, "loop": 1, "bargeIn": false, "action": "talk" } ],
              "machine_detection": "hangup",
              "length_timer": 120
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, body), body.ToJsonString());
    }

    [Fact]
    public async Task TheSpokenCodeIsReadDigitByDigitTwice()
    {
        await using var harness = await VonageHarness.StartAsync();

        await harness.Channel.PlaceCallAsync(harness.CodeMessage(), Test.Ct);

        var text = (string)JsonNode.Parse(harness.Vonage.RequestsTo(FakeVonageServer.Calls)[0].Body)!["ncco"]![0]!["text"]!;
        Assert.Equal(2, text.Split("4, 8, 2, 9, 1, 5").Length - 1);
        Assert.DoesNotContain("482915", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConfiguredCallerNumberStyleAndPremiumVoiceAreSent()
    {
        await using var harness = await VonageHarness.StartAsync(o =>
        {
            o.VoiceFrom = "+447700900001";
            o.VoiceStyle = 3;
            o.VoicePremium = true;
            o.HangUpOnVoicemail = false;
        });

        await harness.Channel.PlaceCallAsync(harness.CodeMessage(), Test.Ct);

        var body = JsonNode.Parse(harness.Vonage.RequestsTo(FakeVonageServer.Calls)[0].Body)!;
        Assert.Equal("447700900001", (string?)body["from"]!["number"]);
        Assert.Equal("phone", (string?)body["from"]!["type"]);
        Assert.Null(body["random_from_number"]);
        Assert.Equal(3, (int?)body["ncco"]![0]!["style"]);
        Assert.True((bool?)body["ncco"]![0]!["premium"]);
        Assert.Equal("continue", (string?)body["machine_detection"]);
    }

    [Theory]
    [InlineData("nl-NL", "nl-NL")]
    [InlineData("nl-BE", "nl-NL")]
    [InlineData("en-GB", "en-GB")]
    [InlineData("en", "en-US")]
    [InlineData("de-AT", "de-DE")]
    [InlineData("pt-PT", "pt-PT")]
    [InlineData("fr-CH", "fr-FR")]
    [InlineData("zh-TW", "cmn-TW")]
    [InlineData("zh-CN", "cmn-CN")]
    [InlineData("ar-EG", "ar")]
    [InlineData("nb-NO", "nb-NO")]
    public void CulturesMapToAVonageVoice(string culture, string expected) =>
        Assert.Equal(expected, VoiceLanguages.For(CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public async Task AnUntranslatedTextIsReadByAnEnglishVoiceWhateverTheUsersCulture()
    {
        await using var harness = await VonageHarness.StartAsync();

        await harness.Channel.PlaceCallAsync(harness.CodeMessage("nl-NL"), Test.Ct);

        Assert.Equal("en-US", (string?)JsonNode.Parse(harness.Vonage.RequestsTo(FakeVonageServer.Calls)[0].Body)!["ncco"]![0]!["language"]);
    }

    [Fact]
    public async Task ATranslationWithoutAVonageVoiceFallsBackToTheDefaultVoiceLanguage()
    {
        await using var harness = await VonageHarness.StartAsync(
            o => o.DefaultVoiceLanguage = "en-GB",
            s => s.AddSingleton<IStringLocalizer<PhoneMessageComposer>>(new TranslatingLocalizer("sw")));

        await harness.Channel.PlaceCallAsync(harness.CodeMessage("sw-KE"), Test.Ct);

        Assert.Null(VoiceLanguages.For(CultureInfo.GetCultureInfo("sw-KE")));
        Assert.Equal("en-GB", (string?)JsonNode.Parse(harness.Vonage.RequestsTo(FakeVonageServer.Calls)[0].Body)!["ncco"]![0]!["language"]);
    }

    [Fact]
    public async Task EveryAttemptCarriesAFreshJwt()
    {
        await using var harness = await VonageHarness.StartAsync();
        harness.Vonage.Script(FakeVonageServer.Calls, FakeReply.Status(503));

        var result = await harness.Channel.PlaceCallAsync(harness.CodeMessage(), Test.Ct);

        Assert.True(result.Succeeded);
        var ids = harness.Vonage.RequestsTo(FakeVonageServer.Calls).Select(r => new JsonWebToken(r.Header("Authorization")!["Bearer ".Length..]).Id).ToList();
        Assert.Equal(2, ids.Count);
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public async Task AJwtSignedWithAnotherKeyIsRefusedByVonageAndReportedAsARefusal()
    {
        using var other = System.Security.Cryptography.RSA.Create(2048);
        await using var harness = await VonageHarness.StartAsync(o => o.PrivateKey = other.ExportPkcs8PrivateKeyPem());

        var result = await harness.Channel.PlaceCallAsync(harness.CodeMessage(), Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.ProviderRejected, result.Status);
        Assert.Equal("Vonage: HTTP 401 Unauthorized", result.Detail);
        Assert.Single(harness.Vonage.RequestsTo(FakeVonageServer.Calls));
    }

    public static TheoryData<FakeReply, PhoneDeliveryStatus, int> VoiceFailures => new()
    {
        { FakeReply.Problem(400, "Bad Request", "https://developer.vonage.com/api-errors#invalid-params", ("to[0].number", "Invalid number")), PhoneDeliveryStatus.InvalidNumber, 1 },
        { FakeReply.Problem(400, "Bad Request", "https://developer.vonage.com/api-errors#invalid-params", ("ncco[0].language", "Invalid language")), PhoneDeliveryStatus.ProviderRejected, 1 },
        { FakeReply.Problem(401, "Unauthorized"), PhoneDeliveryStatus.ProviderRejected, 1 },
        { FakeReply.Problem(402, "Low balance"), PhoneDeliveryStatus.ProviderRejected, 1 },
        { FakeReply.Problem(403, "Forbidden"), PhoneDeliveryStatus.ProviderRejected, 1 },
        { FakeReply.Problem(429, "Rate Limit Hit"), PhoneDeliveryStatus.Throttled, 3 },
        { FakeReply.Problem(500, "Internal error"), PhoneDeliveryStatus.ProviderUnavailable, 3 },
        { FakeReply.Status(504), PhoneDeliveryStatus.ProviderUnavailable, 3 },
    };

    [Theory]
    [MemberData(nameof(VoiceFailures))]
    public async Task VoiceApiErrorsMapToDeliveryResultsAndOnlyPassingOnesAreRetried(FakeReply failure, PhoneDeliveryStatus expected, int attempts)
    {
        await using var harness = await VonageHarness.StartAsync();
        harness.Vonage.Script(FakeVonageServer.Calls, failure, failure, failure);

        var result = await harness.Channel.PlaceCallAsync(harness.CodeMessage(), Test.Ct);

        Assert.Equal(expected, result.Status);
        Assert.Equal(attempts, harness.Vonage.RequestsTo(FakeVonageServer.Calls).Count);
    }

    [Fact]
    public async Task WithoutApplicationCredentialsNoCallIsAttempted()
    {
        await using var harness = await VonageHarness.StartAsync(
            o =>
            {
                o.ApplicationId = null;
                o.PrivateKey = null;
            },
            s => s.Configure<StepUpOptions>(o => o.AllowedChannels = PhoneChannels.Sms));

        var result = await harness.Channel.PlaceCallAsync(harness.CodeMessage(), Test.Ct);

        Assert.Equal(PhoneDeliveryStatus.ProviderRejected, result.Status);
        Assert.Empty(harness.Vonage.Requests);
    }
}

using System.Net;
using StepUp.AspNetCore.Channels;
using StepUp.AspNetCore.Store;
using StepUp.Testing.Hosting;

namespace StepUp.AspNetCore.Tests.Endpoints;

public sealed class StepUpJsonApiTests
{
    private const string NewPhone = "+447911123456";

    [Theory]
    [InlineData("sms", "sms")]
    [InlineData("voice", "tel")]
    public async Task AUserWithAnAttachedPhoneStepsUpByEitherChannelAndReachesTheProtectedEndpoint(string channel, string amr)
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        var status = await (await browser.GetAsync("/stepup/api/status")).JsonAsync();
        Assert.True(status.GetProperty("hasPhone").GetBoolean());
        Assert.Equal("+31 • ••••••34", status.GetProperty("maskedPhoneNumber").GetString());

        var start = await browser.StartAsync(channel);
        var started = await start.JsonAsync();
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal(channel, started.GetProperty("channel").GetString());
        var message = app.Outbox.LatestTo(StepUpApi.AlicePhone)!;
        Assert.Equal(channel == "sms" ? PhoneChannel.Sms : PhoneChannel.Voice, message.Channel);

        var verify = await browser.VerifyAsync(started.GetProperty("challengeId").GetString()!, message.Code!, "/sensitive");
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Equal("/sensitive", (await verify.JsonAsync()).GetProperty("returnUrl").GetString());

        var protectedResponse = await browser.GetAsync("/sensitive");
        Assert.Equal(HttpStatusCode.OK, protectedResponse.StatusCode);
        var after = await (await browser.GetAsync("/stepup/api/status")).JsonAsync();
        Assert.Equal(amr == "sms" ? "sms" : "voice", after.GetProperty("stepUp").GetProperty("channel").GetString());
    }

    [Fact]
    public async Task TheTextMessageUsesTheOriginBoundOneTimeCodeFormat()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        await browser.StartAsync("sms");

        var message = app.Outbox.LatestTo(StepUpApi.AlicePhone)!;
        Assert.EndsWith($"\n\n@localhost #{message.Code}", message.Text, StringComparison.Ordinal);
        Assert.Matches("^[0-9]{6}$", message.Code);
    }

    [Fact]
    public async Task AUserWithoutAPhoneEnrolsOneAndItIsAttachedOnlyAfterVerification()
    {
        await using var app = await StepUpTestApp.StartAsync();
        var store = app.Services.GetRequiredService<IStepUpStore>();
        using var browser = await app.SignedInBrowserAsync("bob");

        var noNumber = await browser.StartAsync("sms");
        Assert.Equal(HttpStatusCode.BadRequest, noNumber.StatusCode);
        Assert.Contains("phone number", (await noNumber.JsonAsync()).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        var id = await (await browser.StartAsync("sms", "+44 7911 123456")).ChallengeIdAsync();
        Assert.Null(await store.GetVerifiedPhoneAsync("bob", TestContext.Current.CancellationToken));

        var verify = await browser.VerifyAsync(id, app.LatestCode(NewPhone));

        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Equal(NewPhone, (await store.GetVerifiedPhoneAsync("bob", TestContext.Current.CancellationToken))!.PhoneNumber);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/sensitive")).StatusCode);
    }

    [Fact]
    public async Task CancellingAttachesNothingGrantsNothingAndTheNextAttemptAsksAgain()
    {
        await using var app = await StepUpTestApp.StartAsync();
        var store = app.Services.GetRequiredService<IStepUpStore>();
        using var browser = await app.SignedInBrowserAsync("bob");
        var id = await (await browser.StartAsync("sms", NewPhone)).ChallengeIdAsync();
        var code = app.LatestCode(NewPhone);

        var cancel = await browser.Http.DeleteAsync("/stepup/api/challenges/current", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await browser.VerifyAsync(id, code)).StatusCode);
        Assert.Null(await store.GetVerifiedPhoneAsync("bob", TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/sensitive")).StatusCode);
        var status = await (await browser.GetAsync("/stepup/api/status")).JsonAsync();
        Assert.False(status.GetProperty("hasPhone").GetBoolean());
    }

    [Fact]
    public async Task AWrongCodeSaysHowManyTriesAreLeftAndNothingMore()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var id = await (await browser.StartAsync()).ChallengeIdAsync();
        var wrong = app.LatestCode(StepUpApi.AlicePhone) == "000000" ? "111111" : "000000";

        var response = await browser.VerifyAsync(id, wrong);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(4, problem.GetProperty("attemptsLeft").GetInt32());
        Assert.Equal("That code is not right. 4 tries left.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AUsedCodeCannotBeReplayed()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var id = await (await browser.StartAsync()).ChallengeIdAsync();
        var code = app.LatestCode(StepUpApi.AlicePhone);
        Assert.Equal(HttpStatusCode.OK, (await browser.VerifyAsync(id, code)).StatusCode);

        using var other = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var replay = await other.VerifyAsync(id, code);

        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/sensitive")).StatusCode);
    }

    [Fact]
    public async Task ARightCodeAfterExpiryIsRefusedAsExpired()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var id = await (await browser.StartAsync()).ChallengeIdAsync();

        app.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var response = await browser.VerifyAsync(id, app.LatestCode(StepUpApi.AlicePhone));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("expired", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewCodeReplacesTheOldOneAndKeepsTheFailureBudget()
    {
        await using var app = await StepUpTestApp.StartAsync(services: s => s.Configure<StepUpOptions>(o => o.ResendCooldown = TimeSpan.Zero));
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var first = await (await browser.StartAsync()).ChallengeIdAsync();
        var firstCode = app.LatestCode(StepUpApi.AlicePhone);
        for (var i = 0; i < 3; i++)
        {
            await browser.VerifyAsync(first, firstCode == "000000" ? "111111" : "000000");
        }

        var second = await (await browser.StartAsync()).ChallengeIdAsync();

        Assert.Equal(HttpStatusCode.Gone, (await browser.VerifyAsync(first, firstCode)).StatusCode);
        var wrong = await browser.VerifyAsync(second, app.LatestCode(StepUpApi.AlicePhone) == "000000" ? "111111" : "000000");
        // Per code 5 tries, per user 10: 3 used before, this is the 4th failure of the user, 1st of the code.
        Assert.Equal(4, (await wrong.JsonAsync()).GetProperty("attemptsLeft").GetInt32());
    }

    [Fact]
    public async Task ResendsWaitForAGrowingCooldownAndSayHowLong()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        await (await browser.StartAsync()).ChallengeIdAsync();

        var tooSoon = await browser.StartAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);
        Assert.Equal("30", tooSoon.Headers.RetryAfter!.ToString());

        app.Time.Advance(TimeSpan.FromSeconds(30));
        await (await browser.StartAsync("voice")).ChallengeIdAsync();
        var again = await browser.StartAsync();
        Assert.Equal("60", again.Headers.RetryAfter!.ToString());
    }

    [Fact]
    public async Task SendsArelimitedPerPhoneNumberAcrossUsers()
    {
        await using var app = await StepUpTestApp.StartAsync(services: s => s.Configure<StepUpOptions>(o => o.MaxSendsPerPhoneNumber = 2));
        for (var i = 0; i < 2; i++)
        {
            using var user = await app.SignedInBrowserAsync($"user{i}");
            await (await user.StartAsync("sms", NewPhone)).ChallengeIdAsync();
        }

        using var third = await app.SignedInBrowserAsync("user3");
        var refused = await third.StartAsync("sms", NewPhone);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(2, app.Outbox.Messages.Count);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("１２３４５６")]
    [InlineData("12345a")]
    [InlineData("")]
    public async Task MalformedCodesAreRefusedWithoutCountingATry(string code)
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var id = await (await browser.StartAsync()).ChallengeIdAsync();

        var response = await browser.VerifyAsync(id, code);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter the 6-digit code we sent you.", (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(0, (await app.Services.GetRequiredService<IStepUpStore>().GetChallengeAsync(StepUpApi.Alice, TestContext.Current.CancellationToken))!.Attempts);
    }

    [Theory]
    [InlineData("not a number")]
    [InlineData("+1 555 0100")]
    [InlineData("+31 6 1234567890123456789012345678901234567890")]
    public async Task InvalidPhoneNumbersGetAClear400(string phone)
    {
        await using var app = await StepUpTestApp.StartAsync();
        using var browser = await app.SignedInBrowserAsync("bob");

        var response = await browser.StartAsync("sms", phone);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid phone number", (await response.JsonAsync()).GetProperty("title").GetString());
        Assert.Empty(app.Outbox.Messages);
    }

    [Fact]
    public async Task NumbersFromCountriesOutsideTheAllowListAreRefused()
    {
        await using var app = await StepUpTestApp.StartAsync(services: s => s.Configure<StepUpOptions>(o => o.AllowedCountries.Add("NL")));
        using var browser = await app.SignedInBrowserAsync("bob");

        var response = await browser.StartAsync("sms", NewPhone);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Country not allowed", (await response.JsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task BodiesThatAreNotJsonOrTooLargeGet4xx()
    {
        await using var app = await StepUpTestApp.StartAsync();
        using var browser = await app.SignedInBrowserAsync("bob");

        var form = await browser.Http.PostAsync("/stepup/api/challenges", new FormUrlEncodedContent([new("channel", "sms")]), TestContext.Current.CancellationToken);
        var broken = await browser.Http.PostAsync("/stepup/api/challenges", new StringContent("{\"channel\":", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var huge = await browser.Http.PostAsync("/stepup/api/challenges", new StringContent("{\"channel\":\"" + new string('a', 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var badChannel = await browser.StartAsync("pigeon", NewPhone);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badChannel.StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("https:evil.example")]
    [InlineData("/%0d%0aSet-Cookie:x=1")]
    [InlineData("/ok\r\nSet-Cookie: x=1")]
    public async Task ForeignOrDirtyReturnUrlsAreIgnoredAndTheUserGoesHome(string returnUrl)
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var id = await (await browser.StartAsync()).ChallengeIdAsync();

        var response = await browser.VerifyAsync(id, app.LatestCode(StepUpApi.AlicePhone), returnUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = (await response.JsonAsync()).GetProperty("returnUrl").GetString();
        Assert.True(url == "/" || url == "/%0d%0aSet-Cookie:x=1", url);
    }

    [Fact]
    public async Task TwentyConcurrentWrongCodesNeverExceedTheTryLimit()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var id = await (await browser.StartAsync()).ChallengeIdAsync();
        var right = app.LatestCode(StepUpApi.AlicePhone);
        var wrong = right == "000000" ? "111111" : "000000";

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => browser.VerifyAsync(id, wrong)));

        // Tries 1-4 say "N tries left"; the 5th wrong try and every later one say "too many".
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(16, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(5, (await app.Services.GetRequiredService<IStepUpStore>().GetChallengeAsync(StepUpApi.Alice, TestContext.Current.CancellationToken))!.Attempts);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.VerifyAsync(id, right)).StatusCode);
    }

    [Fact]
    public async Task TwoConcurrentRightCodesSucceedOnce()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var id = await (await browser.StartAsync()).ChallengeIdAsync();
        var code = app.LatestCode(StepUpApi.AlicePhone);

        var responses = await Task.WhenAll(browser.VerifyAsync(id, code), browser.VerifyAsync(id, code));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Gone);
    }

    [Fact]
    public async Task ACodeOfOneUserIsUselessToAnother()
    {
        await using var app = await StepUpTestApp.StartAsync();
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var alice = await app.SignedInBrowserAsync(StepUpApi.Alice);
        using var mallory = await app.SignedInBrowserAsync("mallory");
        var id = await (await alice.StartAsync()).ChallengeIdAsync();

        var stolen = await mallory.VerifyAsync(id, app.LatestCode(StepUpApi.AlicePhone));

        Assert.Equal(HttpStatusCode.Gone, stolen.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await mallory.GetAsync("/sensitive")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.VerifyAsync(id, app.LatestCode(StepUpApi.AlicePhone))).StatusCode);
    }

    [Fact]
    public async Task NoCodeOrFullPhoneNumberEverReachesTheLogsOutsideTheDevelopmentOutboxLine()
    {
        await using var app = await StepUpTestApp.StartAsync(environment: "Staging");
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        await browser.StepUpAsync(app, StepUpApi.AlicePhone);
        var code = app.Outbox.Messages[0].Code!;

        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(code, StringComparison.Ordinal) || l.Contains("612345634", StringComparison.Ordinal));
        Assert.Contains(app.Logs.Lines, l => l.Contains("[5]", StringComparison.Ordinal) && l.Contains("Phone verified", StringComparison.Ordinal));
    }
}

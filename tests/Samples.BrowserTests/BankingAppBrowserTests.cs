using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using StepUp.AspNetCore;
using StepUp.Testing.Redis;

namespace Samples.BrowserTests;

/// <summary>The banking sample as a person uses it: sign-in at the directory, balances, transfers approved by phone, sign-out.</summary>
[Collection(nameof(SharedChromium))]
public sealed class BankingAppBrowserTests(ChromiumFixture chromium)
{
    private const string AlicePhone = "+31612345634";
    private const string Iban = "NL91 ABNA 0417 1643 00";

    private Task<BankingSession> OpenAsync(bool phone = false, TimeProvider? time = null) =>
        BankingSession.OpenAsync(chromium, BankingAppServer.Start(time), phone);

    [Fact]
    public async Task AliceSignsInAtTheDirectoryAndSeesHerBalancesWithoutAPhoneStep()
    {
        await using var s = await OpenAsync();

        await s.Page.GotoAsync("/");
        Assert.StartsWith(s.App.Directory.Origin.AbsoluteUri, s.Page.Url, StringComparison.Ordinal);
        await Screenshots.SaveAsync(s.Page, "banking-01-directory-sign-in");
        await DirectoryPages.SignInAsync(s.Page, "alice");
        await s.Page.WaitForURLAsync(s.App.Address.AbsoluteUri);

        Assert.Equal("EUR 2,450.75", await s.BalanceAsync());
        Assert.Equal(0, await s.Page.Locator("#step-up-status").CountAsync());
        Assert.Contains("Alice", await s.Page.TextContentAsync("#user-name"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(s.Page, "banking-02-accounts");
    }

    [Fact]
    public async Task AliceApprovesATransferWithATextCodeThatSaysWhatSheApproves()
    {
        await using var s = await OpenAsync();
        await s.SignInAsync("alice");

        await s.NewTransferAsync("Landlord", Iban, "500.00");
        await Screenshots.SaveAsync(s.Page, "banking-03-confirm-transfer");
        await s.Page.ClickAsync("#confirm-transfer");
        await s.Page.Locator("#approving").WaitForAsync();
        Assert.Equal("send EUR 500.00 to NL91 ••• 4300", await s.Page.TextContentAsync("#approving"));
        Assert.Equal("+31 • ••••••34", await s.Page.TextContentAsync("#masked-phone"));
        await Screenshots.SaveAsync(s.Page, "banking-04-step-up");
        await s.Page.ClickAsync("#send");

        var code = s.Page.Locator("#code");
        await code.WaitForAsync();
        await s.WaitForFocusAsync("code");
        Assert.Equal("one-time-code", await code.GetAttributeAsync("autocomplete"));
        Assert.Equal("numeric", await code.GetAttributeAsync("inputmode"));
        Assert.Contains("to send EUR 500.00 to NL91 ••• 4300", s.App.Outbox.LatestTo(AlicePhone)!.Text, StringComparison.Ordinal);
        await Screenshots.SaveAsync(s.Page, "banking-05-code");
        await code.FillAsync(s.App.CodeFor(AlicePhone));
        await s.Page.ClickAsync("#verify");

        await s.Page.Locator("#how-to-send").WaitForAsync();
        await s.Page.ClickAsync("#confirm-transfer");
        await s.Page.Locator("#transfer-done").WaitForAsync();
        Assert.Contains("EUR 500.00 to Landlord", await s.Page.TextContentAsync("#transfer-done"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(s.Page, "banking-06-sent");
        await s.Page.GotoAsync("/");
        Assert.Equal("EUR 1,950.75", await s.BalanceAsync());
    }

    [Fact]
    public async Task BobEnrolsANewPhoneAtHisFirstTransferAndVerifiesThatPhoneAtTheNextOnAPhoneScreen()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var s = await OpenAsync(phone: true, time: time);
        await s.SignInAsync("bob");
        await Screenshots.SaveAsync(s.Page, "banking-phone-01-accounts");

        await s.NewTransferAsync("Landlord", Iban, "five hundred");
        await s.Page.Locator("#form-error").WaitForAsync();
        Assert.Equal("true", await s.Page.GetAttributeAsync("#amount", "aria-invalid"));
        await Screenshots.SaveAsync(s.Page, "banking-phone-02-transfer-form-error");
        await s.NewTransferAsync("Landlord", Iban, "500.00");
        await s.Page.Locator("#confirm-transfer").WaitForAsync();
        await s.Page.ClickAsync("#confirm-transfer");
        var number = s.Page.Locator("#phone-number");
        await number.WaitForAsync();
        await s.WaitForFocusAsync("phone-number");
        Assert.Equal("tel", await number.GetAttributeAsync("autocomplete"));
        await Screenshots.SaveAsync(s.Page, "banking-phone-03-add-phone");

        await number.FillAsync("12345");
        await s.Page.ClickAsync("#send");
        await s.Page.Locator("#phone-number-error").WaitForAsync();
        Assert.Equal("true", await s.Page.GetAttributeAsync("#phone-number", "aria-invalid"));
        Assert.False(string.IsNullOrWhiteSpace(await s.Page.TextContentAsync("#phone-number-error")));
        await Screenshots.SaveAsync(s.Page, "banking-phone-04-invalid-number");

        await s.Page.FillAsync("#phone-number", "06 23456789");
        await s.Page.ClickAsync("#send");
        await s.Page.Locator("#code").WaitForAsync();
        await Screenshots.SaveAsync(s.Page, "banking-phone-05-code");
        await s.EnterCodeAsync("+31623456789");
        await s.SendApprovedTransferAsync();
        await Screenshots.SaveAsync(s.Page, "banking-phone-06-sent");

        time.Advance(TimeSpan.FromMinutes(1)); // a new code needs the resend wait to have passed
        await s.NewTransferAsync("Grocer", Iban, "25.00");
        await s.Page.ClickAsync("#confirm-transfer");
        await s.Page.Locator("#masked-phone").WaitForAsync();
        var masked = await s.Page.TextContentAsync("#masked-phone");
        Assert.EndsWith("89", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("34567", masked, StringComparison.Ordinal);
        Assert.Equal(0, await s.Page.Locator("#phone-number").CountAsync());
        await Screenshots.SaveAsync(s.Page, "banking-phone-07-verify-attached-phone");
        await s.Page.ClickAsync("#send");
        await s.EnterCodeAsync("+31623456789");
        await s.SendApprovedTransferAsync();

        await s.Page.GotoAsync("/");
        Assert.Equal("EUR 1,925.75", await s.BalanceAsync());
    }

    [Fact]
    public async Task AfterTheResendWaitAliceSwitchesToAVoiceCallAndTheCodeSpokenInTheCallWorks()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var s = await OpenAsync(time: time);
        await s.SignInAsync("alice");
        await s.NewTransferAsync("Landlord", Iban, "75.00");
        await s.Page.ClickAsync("#confirm-transfer");
        await s.Page.ClickAsync("#send");
        await s.Page.Locator("#code").WaitForAsync();

        await s.Page.ClickAsync("#switch-channel");
        await s.Page.Locator("#error").WaitForAsync();
        Assert.Contains("30 seconds", await s.Page.TextContentAsync("#error"), StringComparison.Ordinal);
        Assert.Equal(1, await s.Page.Locator("#code").CountAsync()); // the text message's code still works meanwhile
        time.Advance(TimeSpan.FromSeconds(30));
        await s.Page.ClickAsync("#switch-channel");
        await s.Page.Locator("label[for=code]", new() { HasText = "by voice call" }).WaitForAsync();

        var call = s.App.Outbox.LatestTo(AlicePhone)!;
        Assert.Equal(PhoneChannel.Voice, call.Channel);
        Assert.Contains("EUR 75.00", call.Text, StringComparison.Ordinal);
        await Screenshots.SaveAsync(s.Page, "banking-07-voice-call");
        await s.EnterCodeAsync(AlicePhone);
        await s.SendApprovedTransferAsync();
    }

    [Fact]
    public async Task AWrongCodeIsRefusedWithAClearMessageAndTheRightCodeThenWorks()
    {
        await using var s = await OpenAsync();
        await s.SignInAsync("alice");
        await s.NewTransferAsync("Landlord", Iban, "10.00");
        await s.Page.ClickAsync("#confirm-transfer");
        await s.Page.ClickAsync("#send");
        await s.Page.Locator("#code").WaitForAsync();
        var right = s.App.CodeFor(AlicePhone);

        await s.Page.FillAsync("#code", right[0] == '1' ? "2" + right[1..] : "1" + right[1..]);
        await s.Page.ClickAsync("#verify");
        await s.Page.Locator("#code-error").WaitForAsync();

        Assert.Contains("4", await s.Page.TextContentAsync("#code-error"), StringComparison.Ordinal); // tries left
        Assert.Equal("true", await s.Page.GetAttributeAsync("#code", "aria-invalid"));
        await s.WaitForFocusAsync("code");
        await Screenshots.SaveAsync(s.Page, "banking-08-wrong-code");
        await s.Page.FillAsync("#code", right);
        await s.Page.ClickAsync("#verify");
        await s.SendApprovedTransferAsync();
    }

    [Fact]
    public async Task CancellingAttachesAndGrantsNothingSoTheNextTryAsksAgain()
    {
        await using var s = await OpenAsync();
        await s.Page.GotoAsync("/");
        await s.Page.ClickAsync("button:has-text('(social)')");
        await s.Page.WaitForURLAsync(s.App.Address.AbsoluteUri);
        Assert.Contains("Sam Social", await s.Page.TextContentAsync("#user-name"), StringComparison.Ordinal);

        await s.NewTransferAsync("Landlord", Iban, "10.00");
        await s.Page.ClickAsync("#confirm-transfer");
        await s.Page.FillAsync("#phone-number", "+31 6 11122233");
        await s.Page.ClickAsync("#send");
        await s.Page.Locator("#code").WaitForAsync();
        await s.Page.ClickAsync("#cancel");
        await s.Page.Locator("text=Verification cancelled").WaitForAsync();
        await Screenshots.SaveAsync(s.Page, "banking-09-cancelled");

        await s.Page.ClickAsync("text=Try again");
        await s.Page.ClickAsync("#confirm-transfer");
        await s.Page.Locator("#phone-number").WaitForAsync();
        Assert.Equal(0, await s.Page.Locator("#code").CountAsync());
        await s.Page.GotoAsync("/");
        Assert.Equal("EUR 2,450.75", await s.BalanceAsync());
    }

    [Fact]
    public async Task AnExpiredCodeIsRefusedAndANewCodeWorks()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var s = await OpenAsync(time: time);
        await s.SignInAsync("alice");
        await s.NewTransferAsync("Landlord", Iban, "10.00");
        await s.Page.ClickAsync("#confirm-transfer");
        await s.Page.ClickAsync("#send");
        await s.Page.Locator("#code").WaitForAsync();
        var old = s.App.CodeFor(AlicePhone);

        time.Advance(TimeSpan.FromMinutes(6));
        await s.Page.FillAsync("#code", old);
        await s.Page.ClickAsync("#verify");
        await s.Page.Locator("#error").WaitForAsync();

        Assert.Contains("expired", await s.Page.TextContentAsync("#error"), StringComparison.OrdinalIgnoreCase);
        await Screenshots.SaveAsync(s.Page, "banking-10-expired-code");
        await s.Page.ClickAsync("#send");
        await s.Page.Locator("#code").WaitForAsync();
        Assert.NotEqual(old, s.App.CodeFor(AlicePhone));
        await s.EnterCodeAsync(AlicePhone);
        await s.SendApprovedTransferAsync();
    }

    [Fact]
    public async Task ChangingTheAmountAfterTheCodeWasSentNeedsANewCode()
    {
        await using var s = await OpenAsync();
        await s.SignInAsync("alice");
        await s.NewTransferAsync("Landlord", Iban, "10.00");
        var confirmUrl = s.Page.Url;
        await s.Page.ClickAsync("#confirm-transfer");
        await s.Page.ClickAsync("#send");
        await s.Page.Locator("#code").WaitForAsync();
        Assert.Contains("EUR 10.00", s.App.Outbox.LatestTo(AlicePhone)!.Text, StringComparison.Ordinal);

        // Meanwhile the amount changes (another tab, or someone who got hold of the session).
        var other = await s.Context.NewPageAsync();
        await other.GotoAsync(confirmUrl);
        await other.ClickAsync("#change-transfer");
        await other.FillAsync("#amount", "2000.00");
        await other.ClickAsync("#review-transfer");
        await other.Locator("#amount", new() { HasText = "EUR 2,000.00" }).WaitForAsync();

        await s.EnterCodeAsync(AlicePhone); // the code for EUR 10.00
        await s.Page.Locator("#amount", new() { HasText = "EUR 2,000.00" }).WaitForAsync();
        await s.Page.ClickAsync("#confirm-transfer");

        await s.Page.Locator("#approving").WaitForAsync();
        Assert.Equal("send EUR 2,000.00 to NL91 ••• 4300", await s.Page.TextContentAsync("#approving"));
        await Screenshots.SaveAsync(s.Page, "banking-11-changed-amount-needs-new-code");
        await s.Page.GotoAsync("/");
        Assert.Equal("EUR 2,450.75", await s.BalanceAsync());
    }

    [Fact]
    public async Task TheSecurityPageNeedsARecentStepUpAndEveryPageShowsHowRecentItIs()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var s = await OpenAsync(time: time);
        await s.SignInAsync("alice");

        await s.Page.GotoAsync("/Security");
        await s.Page.ClickAsync("#send");
        await s.EnterCodeAsync(AlicePhone);
        await s.Page.Locator("#security-phone").WaitForAsync();
        Assert.Equal("Phone verified by text just now.", await s.Page.TextContentAsync("#step-up-status"));
        await Screenshots.SaveAsync(s.Page, "banking-12-security");

        time.Advance(TimeSpan.FromMinutes(3));
        await s.Page.GotoAsync("/");
        Assert.Equal("Phone verified by text 3 minutes ago.", await s.Page.TextContentAsync("#step-up-status"));

        time.Advance(TimeSpan.FromMinutes(8)); // past the 10-minute maximum age
        await s.Page.GotoAsync("/Security");
        await s.Page.Locator("#send").WaitForAsync();
        Assert.Equal(0, await s.Page.Locator("#security-phone").CountAsync());
    }

    [Fact]
    public async Task SigningOutEndsTheGrantHereAndTheSessionAtTheDirectory()
    {
        await using var s = await OpenAsync();
        await s.SignInAsync("alice");
        await s.Page.GotoAsync("/Security");
        await s.Page.ClickAsync("#send");
        await s.EnterCodeAsync(AlicePhone);
        await s.Page.Locator("#security-phone").WaitForAsync();
        var stolen = (await s.Context.CookiesAsync()).Where(c => c.Name.StartsWith("bank.session", StringComparison.Ordinal)).ToList();

        await s.Page.ClickAsync("#sign-out");
        await s.Page.Locator("#signed-out").WaitForAsync();
        Assert.Equal(new Uri(s.App.Address, "/Account/SignedOut"), new Uri(s.Page.Url));
        await Screenshots.SaveAsync(s.Page, "banking-13-signed-out");

        await s.Page.ClickAsync("#sign-in");
        await s.Page.Locator("h1", new() { HasText = "Sign in" }).WaitForAsync(); // no single sign-on left at the directory
        Assert.StartsWith(s.App.Directory.Origin.AbsoluteUri, s.Page.Url, StringComparison.Ordinal);

        // A copy of the old session cookie still signs in here, but its phone step-up is gone.
        await s.Context.AddCookiesAsync(stolen.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        await s.Page.GotoAsync(new Uri(s.App.Address, "/Security").AbsoluteUri);
        await s.Page.Locator("#send").WaitForAsync();
        Assert.Equal(0, await s.Page.Locator("#security-phone").CountAsync());
    }

    [Fact]
    public async Task TheJsonApiAnswersRfc9470AndExecutesATransferOnceAfterApproval()
    {
        await using var s = await OpenAsync();
        await s.SignInAsync("alice");
        var api = s.Context.APIRequest; // the browser's cookies

        var created = await api.PostAsync("/api/transfers", new() { DataObject = new { payeeName = "Landlord", payeeIban = "NL91ABNA0417164300", amount = "500.00" } });
        var confirm = (await created.JsonAsync())!.Value.GetProperty("confirm").GetString()!;
        var challenge = await api.PostAsync(confirm, new() { DataObject = new { } });
        Assert.Equal(401, challenge.Status);
        Assert.StartsWith("Bearer error=\"insufficient_user_authentication\"", challenge.Headers["www-authenticate"], StringComparison.Ordinal);
        var problem = (await challenge.JsonAsync())!.Value;
        Assert.Equal("send EUR 500.00 to NL91 ••• 4300", problem.GetProperty("transaction_description").GetString());

        var started = await api.PostAsync("/stepup/api/challenges", new() { DataObject = new { channel = "sms", transaction = problem.GetProperty("transaction").GetString() } });
        Assert.Equal(202, started.Status);
        var challengeId = (await started.JsonAsync())!.Value.GetProperty("challengeId").GetString();
        var verified = await api.PostAsync("/stepup/api/challenges/verify", new() { DataObject = new { challengeId, code = s.App.CodeFor(AlicePhone) } });
        Assert.Equal(200, verified.Status);

        var executed = await api.PostAsync(confirm, new() { DataObject = new { } });
        var again = await api.PostAsync(confirm, new() { DataObject = new { } });
        Assert.Equal(200, executed.Status);
        Assert.True((await again.JsonAsync())!.Value.GetProperty("alreadyExecuted").GetBoolean());
        var balance = await (await api.GetAsync("/api/balance")).JsonAsync();
        Assert.Equal(1950.75m, balance!.Value[0].GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task WithRedisATransferBegunOnOneInstanceIsFinishedOnAnother()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var s = await BankingSession.OpenAsync(chromium, BankingAppServer.Start(redis: redis.EndPoint));
        await using var second = BankingAppServer.Start(redis: redis.EndPoint);
        var (first, page) = (s.App, s.Page);
        await s.SignInAsync("alice");
        await s.NewTransferAsync("Landlord", Iban, "500.00");
        var confirm = new Uri(page.Url).PathAndQuery;
        await page.ClickAsync("#confirm-transfer");
        await page.ClickAsync("#send");
        await page.Locator("#code").WaitForAsync();

        // The same transfer on the other instance (same session cookie): the code already sent for it is still the one asked for.
        await page.GotoAsync(new Uri(second.Address, confirm).AbsoluteUri);
        await page.ClickAsync("#confirm-transfer");
        await page.Locator("#code").WaitForAsync();
        Assert.Equal("send EUR 500.00 to NL91 ••• 4300", await page.TextContentAsync("#approving"));
        Assert.Empty(second.Outbox.Messages);
        await page.FillAsync("#code", first.CodeFor(AlicePhone));
        await page.ClickAsync("#verify");
        await page.Locator("#how-to-send").WaitForAsync();
        Assert.StartsWith(second.Address.AbsoluteUri, page.Url, StringComparison.Ordinal);
        await page.ClickAsync("#confirm-transfer");
        await page.Locator("#transfer-done").WaitForAsync();

        await page.GotoAsync(first.Address.AbsoluteUri);
        Assert.Equal("EUR 1,950.75", await s.BalanceAsync());
    }
}

[CollectionDefinition(nameof(SharedChromium))]
public sealed class SharedChromium : ICollectionFixture<ChromiumFixture>;

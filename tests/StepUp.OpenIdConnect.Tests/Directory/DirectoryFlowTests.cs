using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StepUp.AspNetCore.Store;
using StepUp.OpenIdConnect.Tests.Infrastructure;

namespace StepUp.OpenIdConnect.Tests.Directory;

/// <summary>The development directory's own flows, driven through a real relying party.</summary>
public sealed class DirectoryFlowTests(DirectoryFixture fixture)
{
    private DevelopmentDirectory.DevelopmentDirectory Directory => fixture.Directory;

    private IStepUpStore Store => Directory.Services.GetRequiredService<IStepUpStore>();

    [Fact]
    public async Task APasswordSignInIssuesTheB2CClaimsWithThePasswordMethodAndTheVerifiedPhone()
    {
        await using var app = await RelyingParty.StartAsync(Directory, s => s.MapInboundClaims = false);
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: true);
        await Flows.SignInAsync(browser, app, account);

        var claims = (await browser.GetAsync(app.Url("/claims"))).Html;

        Assert.Contains("[\"tfp\",\"B2C_1_SiIn\"]", claims, StringComparison.Ordinal);
        Assert.Contains($"[\"sub\",\"{account.Id}\"]", claims, StringComparison.Ordinal);
        Assert.Contains($"[\"oid\",\"{account.Id}\"]", claims, StringComparison.Ordinal);
        Assert.Contains("[\"amr\",\"pwd\"]", claims, StringComparison.Ordinal);
        Assert.DoesNotContain("\"mfa\"", claims, StringComparison.Ordinal);
        Assert.Contains("[\"auth_time\",", claims, StringComparison.Ordinal);
        Assert.Contains($"[\"phone_number\",\"{account.PhoneNumber}\"]", claims, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSocialButtonSignsInTheDemoSocialAccount()
    {
        await using var app = await RelyingParty.StartAsync(Directory, s => s.MapInboundClaims = false);
        using var browser = new Browser();
        var signIn = await browser.GetAsync(app.Url("/account"));

        var account = await browser.SubmitAsync(signIn, "Continue as Sam Social (social)");

        Assert.Equal("Account of Sam Social", account.Html);
        Assert.Contains("[\"idp\",\"social.example\"]", (await browser.GetAsync(app.Url("/claims"))).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUpCreatesTheAccountBeforeThePhoneStepAndCancellingAttachesNothing()
    {
        var appFailures = 0;
        await using var app = await RelyingParty.StartAsync(Directory, s =>
        {
            s.SignInPolicy = "B2C_1_SignUpSignIn_MFA";
            s.Events.OnRemoteFailure = context =>
            {
                // The app's own handler for its own sign-in failures (not StepUp's).
                appFailures++;
                context.Response.Redirect("/");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        using var browser = new Browser();
        var signIn = await browser.GetAsync(app.Url("/account"));
        var signUp = await browser.GetAsync(new Uri(signIn.Url, signIn.Document.QuerySelector("a[href*='signup']")!.GetAttribute("href")!));
        var userName = "carol" + Guid.NewGuid().ToString("N")[..8];

        var phoneStep = await browser.SubmitAsync(signUp, "Create", new Dictionary<string, string>
        {
            ["username"] = userName, ["displayName"] = "Carol", ["password"] = DirectoryFixture.Password, ["confirmPassword"] = DirectoryFixture.Password,
        });

        Assert.Equal("Add a phone number", phoneStep.Title);
        var id = Directory.FindAccountId(userName);
        Assert.NotNull(id);
        var phone = DirectoryFixture.NewPhoneNumber();
        var codeForm = await browser.SubmitAsync(phoneStep, "Send code", new Dictionary<string, string> { ["phone"] = phone });
        var home = await browser.SubmitAsync(codeForm, "Cancel");
        Assert.Equal(app.Url("/"), home.Url);
        Assert.Equal(1, appFailures);
        Assert.Null(await Store.GetVerifiedPhoneAsync(id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignUpWithThePhoneStepAttachesTheVerifiedPhoneAndTheTokenSaysMfa()
    {
        await using var app = await RelyingParty.StartAsync(Directory, s =>
        {
            s.SignInPolicy = "B2C_1_SignUpSignIn_MFA";
            s.MapInboundClaims = false;
        });
        using var browser = new Browser();
        var signIn = await browser.GetAsync(app.Url("/account"));
        var signUp = await browser.GetAsync(new Uri(signIn.Url, signIn.Document.QuerySelector("a[href*='signup']")!.GetAttribute("href")!));
        var userName = "dave" + Guid.NewGuid().ToString("N")[..8];
        var phoneStep = await browser.SubmitAsync(signUp, "Create", new Dictionary<string, string>
        {
            ["username"] = userName, ["displayName"] = "Dave", ["password"] = DirectoryFixture.Password, ["confirmPassword"] = DirectoryFixture.Password,
        });
        var phone = DirectoryFixture.NewPhoneNumber();

        var account = await Flows.VerifyPhoneAsync(browser, Directory, phoneStep, phone, enrol: true);

        Assert.Equal("Account of Dave", account.Html);
        Assert.Equal(phone, (await Store.GetVerifiedPhoneAsync(Directory.FindAccountId(userName)!, TestContext.Current.CancellationToken))?.PhoneNumber);
        var claims = (await browser.GetAsync(app.Url("/claims"))).Html;
        Assert.Contains("[\"tfp\",\"B2C_1_SignUpSignIn_MFA\"]", claims, StringComparison.Ordinal);
        Assert.Contains("[\"amr\",\"mfa\"]", claims, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongCodeIsAClearFourHundredAndNothingIsAttached()
    {
        await using var app = await RelyingParty.StartAsync(Directory);
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: false);
        await Flows.SignInAsync(browser, app, account);
        var phoneStep = await browser.GetAsync(app.Url("/transfer"));
        var codeForm = await browser.SubmitAsync(phoneStep, "Send code", new Dictionary<string, string> { ["phone"] = account.PhoneNumber });
        var code = Directory.Outbox.LatestTo(account.PhoneNumber)!.Code!;
        var wrong = code == "000000" ? "111111" : "000000";

        var again = await browser.SubmitAsync(codeForm, "Verify code", new Dictionary<string, string> { ["code"] = wrong });

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("That code is not right", again.Html, StringComparison.Ordinal);
        Assert.Null(await Store.GetVerifiedPhoneAsync(account.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnInvalidPhoneNumberIsAClearFourHundred()
    {
        await using var app = await RelyingParty.StartAsync(Directory);
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: false);
        await Flows.SignInAsync(browser, app, account);
        var phoneStep = await browser.GetAsync(app.Url("/transfer"));

        var again = await browser.SubmitAsync(phoneStep, "Send code", new Dictionary<string, string> { ["phone"] = "12" });

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("Enter a valid mobile number", again.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordIsAClearFourHundred()
    {
        await using var app = await RelyingParty.StartAsync(Directory);
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: true);
        var signIn = await browser.GetAsync(app.Url("/account"));

        var again = await browser.SubmitAsync(signIn, "Sign in", new Dictionary<string, string> { ["username"] = account.UserName, ["password"] = "nope" });

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("The user name or password is incorrect.", again.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPoliciesAndForeignReturnUrlsAreRefusedWithFourHundredsNotErrors()
    {
        using var browser = new Browser();

        var unknownPolicy = await browser.GetAsync(new Uri(Directory.Origin, $"{Directory.Tenant}/B2C_1_Nope/v2.0/.well-known/openid-configuration"));
        var foreign = await browser.GetAsync(new Uri(Directory.Origin, "ui/signin?returnUrl=https%3A%2F%2Fevil.example%2F"));
        var noForm = await browser.PostAsync(new Uri(Directory.Origin, "ui/phone"), [new("action", "verify")]);

        Assert.Equal(HttpStatusCode.NotFound, unknownPolicy.Status);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noForm.Status);
    }

    [Fact]
    public async Task EachPolicyHasItsOwnEndpointsUnderOneTenantIssuer()
    {
        using var client = new HttpClient();
        var json = await client.GetStringAsync(Directory.MetadataAddress("B2C_1_SiIn_MFA"), TestContext.Current.CancellationToken);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal(Directory.Issuer.AbsoluteUri, root.GetProperty("issuer").GetString());
        Assert.EndsWith("/B2C_1_SiIn_MFA/oauth2/v2.0/authorize", root.GetProperty("authorization_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/B2C_1_SiIn_MFA/oauth2/v2.0/token", root.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/B2C_1_SiIn_MFA/discovery/v2.0/keys", root.GetProperty("jwks_uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileEditChangesThePhoneOnlyAfterTheCurrentOneIsVerified()
    {
        await using var app = await RelyingParty.StartAsync(Directory, s => s.SignInPolicy = "B2C_1_ProfileEdit");
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: true);
        var signIn = await browser.GetAsync(app.Url("/account"));
        var profile = await browser.SubmitAsync(signIn, "Sign in", new Dictionary<string, string> { ["username"] = account.UserName, ["password"] = DirectoryFixture.Password });
        Assert.Equal("Edit your profile", profile.Title);

        var verifyCurrent = await browser.GetAsync(new Uri(profile.Url, profile.Document.QuerySelector("a[href*='flow=change']")!.GetAttribute("href")!));
        Assert.Equal("First, verify your current phone", verifyCurrent.Title);
        var newNumberForm = await Flows.VerifyPhoneAsync(browser, Directory, verifyCurrent, account.PhoneNumber);
        Assert.Equal("Enter your new phone number", newNumberForm.Title);
        var newPhone = DirectoryFixture.NewPhoneNumber();
        var backOnProfile = await Flows.VerifyPhoneAsync(browser, Directory, newNumberForm, newPhone, enrol: true);
        Assert.Equal("Edit your profile", backOnProfile.Title);
        var done = await browser.SubmitAsync(backOnProfile, "Continue");

        Assert.Equal(app.Url("/account"), done.Url);
        Assert.Equal(newPhone, (await Store.GetVerifiedPhoneAsync(account.Id, TestContext.Current.CancellationToken))?.PhoneNumber);
    }

    [Fact]
    public async Task PasswordResetSetsTheNewPasswordAndTheMfaVariantAsksForThePhone()
    {
        await using var app = await RelyingParty.StartAsync(Directory, s => s.SignInPolicy = "B2C_1_PasswordReset_MFA");
        using var browser = new Browser();
        var account = await DirectoryFixture.NewAccountAsync(Directory, withPhone: true);
        var reset = await browser.GetAsync(app.Url("/account"));
        Assert.Equal("Reset your password", reset.Title);

        var phoneStep = await browser.SubmitAsync(reset, "Reset password", new Dictionary<string, string>
        {
            ["username"] = account.UserName, ["password"] = "New-password-2", ["confirmPassword"] = "New-password-2",
        });
        Assert.Equal("Verify your phone", phoneStep.Title);
        var done = await Flows.VerifyPhoneAsync(browser, Directory, phoneStep, account.PhoneNumber);

        Assert.Equal(app.Url("/account"), done.Url);
        await using var other = await RelyingParty.StartAsync(Directory);
        using var fresh = new Browser();
        var signIn = await fresh.GetAsync(other.Url("/account"));
        var signedIn = await fresh.SubmitAsync(signIn, "Sign in", new Dictionary<string, string> { ["username"] = account.UserName, ["password"] = "New-password-2" });
        Assert.Equal(other.Url("/account"), signedIn.Url);
    }
}

using System.Net;

namespace StepUp.OpenIdConnect.Tests.Infrastructure;

/// <summary>What a person does in the directory's pages.</summary>
internal static class Flows
{
    public static bool IsAuthorize(Uri url) => url.AbsolutePath.EndsWith("/oauth2/v2.0/authorize", StringComparison.Ordinal);

    /// <summary>Opens <c>/account</c> and signs in at the directory with name and password; ends on the app's page.</summary>
    public static async Task<Page> SignInAsync(Browser browser, RelyingParty app, TestAccount account)
    {
        var signIn = await browser.GetAsync(app.Url("/account"));
        Assert.Equal("Sign in", signIn.Title);
        var page = await browser.SubmitAsync(signIn, "Sign in", new Dictionary<string, string> { ["username"] = account.UserName, ["password"] = DirectoryFixture.Password });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(app.Url("/account"), page.Url);
        return page;
    }

    /// <summary>On the phone step: sends a code by text message (to <paramref name="typedNumber"/> when enrolling) and types it.</summary>
    public static async Task<Page> VerifyPhoneAsync(Browser browser, DevelopmentDirectory.DevelopmentDirectory directory, Page phoneStep, string phoneNumber, bool enrol = false)
    {
        var values = enrol ? new Dictionary<string, string> { ["phone"] = phoneNumber } : null;
        var codeForm = await browser.SubmitAsync(phoneStep, "Send code", values);
        Assert.True(codeForm.Title == "Enter your code", $"Expected the code form, got {codeForm}: {codeForm.Document.QuerySelector(".alert")?.TextContent}");
        var code = directory.Outbox.LatestTo(phoneNumber)?.Code ?? throw new InvalidOperationException("No code in the outbox.");
        return await browser.SubmitAsync(codeForm, "Verify code", new Dictionary<string, string> { ["code"] = code });
    }
}

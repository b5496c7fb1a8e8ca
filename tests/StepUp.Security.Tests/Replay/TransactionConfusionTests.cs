using System.Net;
using StepUp.Security.Tests.Infrastructure;
using StepUp.Testing.Hosting;

namespace StepUp.Security.Tests.Replay;

/// <summary>
/// A code approves one operation: not another transfer, not the same transfer with another amount or payee, not the
/// session; and a session step-up approves no transfer. Tickets cannot be altered or lent to another user.
/// </summary>
public sealed class TransactionConfusionTests(SecuritySuite suite) : AttackTest(suite)
{
    private static readonly Payment Transfer = new("op-1", "500.00", "NL91ABNA0417164300");

    [Fact]
    public async Task ACodeForTransferXDoesNotApproveTransferY()
    {
        var (app, browser, phone) = await SignedInWithPhoneAsync();
        await ApproveAsync(app, browser, phone, Transfer);

        using var other = await browser.PayAsync(Transfer with { Id = "op-2" });
        using var approved = await browser.PayAsync(Transfer);

        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.False(app.Settings.Executed.ContainsKey("op-2"));
    }

    [Theory]
    [InlineData("5000.00", "NL91ABNA0417164300")]
    [InlineData("500.00", "NL02RABO0123456789")]
    public async Task ChangingTheAmountOrPayeeAfterTheCodeWasSentNeedsANewCode(string amount, string payee)
    {
        var (app, browser, phone) = await SignedInWithPhoneAsync();
        using var challenge = await browser.PayAsync(Transfer);
        var ticket = (await challenge.JsonAsync()).GetProperty("transaction").GetString();
        var challengeId = await browser.StartCodeAsync(transaction: ticket);
        var changed = Transfer with { Amount = amount, Payee = payee };

        using var changedChallenge = await browser.PayAsync(changed); // the form was edited after the code was sent
        using var verified = await browser.VerifyAsync(challengeId, app.Network.LatestCode(phone));
        using var changedAfterCode = await browser.PayAsync(changed);
        using var original = await browser.PayAsync(Transfer);

        Assert.Equal(HttpStatusCode.Unauthorized, changedChallenge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, changedAfterCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(1, app.Settings.Executed[Transfer.Id]);
        Assert.Contains("500.00", app.Network.Attempts[^1].Message.Text, StringComparison.Ordinal); // the message named what the code approves
    }

    [Fact]
    public async Task ATransferApprovalDoesNotStepUpTheSessionAndASessionStepUpApprovesNoTransfer()
    {
        var (app, browser, phone) = await SignedInWithPhoneAsync();
        await ApproveAsync(app, browser, phone, Transfer);
        using var sensitiveAfterApproval = await browser.GetApiAsync("/sensitive");

        app.Time.Advance(TimeSpan.FromMinutes(1));
        await browser.StepUpAsync(app, phone);
        using var sensitive = await browser.GetApiAsync("/sensitive");
        using var otherTransfer = await browser.PayAsync(Transfer with { Id = "op-3" });

        Assert.Equal(HttpStatusCode.Unauthorized, sensitiveAfterApproval.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sensitive.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherTransfer.StatusCode);
    }

    [Fact]
    public async Task AnAlteredTicketOrOneIssuedToAnotherUserIsRefused()
    {
        var (app, alice, _) = await SignedInWithPhoneAsync();
        var bob = await SignedInAsync(app, NewUser());
        await AttachPhoneAsync(app, "bob-" + Guid.NewGuid().ToString("N")[..6], NewPhoneNumber());
        using var challenge = await alice.PayAsync(Transfer);
        var ticket = (await challenge.JsonAsync()).GetProperty("transaction").GetString()!;
        var altered = ticket[..^3] + (ticket[^3] == 'A' ? 'B' : 'A') + ticket[^2..];

        using var withAltered = await alice.StartAsync(transaction: altered);
        using var lent = await bob.StartAsync(transaction: ticket, phoneNumber: NewPhoneNumber());

        Assert.Equal(HttpStatusCode.BadRequest, withAltered.StatusCode);
        Assert.Equal("Approval expired", (await withAltered.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, lent.StatusCode);
        Assert.Empty(app.Network.Attempts);
    }

    [Fact]
    public async Task AnApprovalOlderThanTheMaxAgeIsRefused()
    {
        var (app, browser, phone) = await SignedInWithPhoneAsync();
        await ApproveAsync(app, browser, phone, Transfer);
        app.Time.Advance(TimeSpan.FromMinutes(11));

        using var late = await browser.PayAsync(Transfer);

        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        Assert.False(app.Settings.Executed.ContainsKey(Transfer.Id));
    }

    private async Task<(SecurityApp App, BrowserClient Browser, string Phone)> SignedInWithPhoneAsync()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        return (app, await SignedInAsync(app, user), phone);
    }

    private static async Task ApproveAsync(SecurityApp app, BrowserClient browser, string phone, Payment payment)
    {
        using var challenge = await browser.PayAsync(payment);
        Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        var ticket = (await challenge.JsonAsync()).GetProperty("transaction").GetString();
        await browser.StepUpAsync(app, phone, transaction: ticket);
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StepUp.AspNetCore.Transactions;
using StepUp.Testing.Hosting;

namespace StepUp.AspNetCore.Tests.Transactions;

public sealed class StepUpApprovalsTests
{
    private static int executions;

    private static void MapTransfers(IEndpointRouteBuilder endpoints)
    {
        // The app describes the operation; StepUp binds the code and the one-use approval to a digest of it.
        static StepUpTransaction Describe(string id, string amount, string iban) =>
            new($"send EUR {amount} to {iban[..4]} ••• {iban[^4..]}", id, amount, "EUR", iban);

        endpoints.MapPost("/transfers/{id}", async (HttpContext context, StepUpApprovals approvals, string id, TransferBody body) =>
        {
            var approval = await approvals.ConsumeAsync(context, Describe(id, body.Amount, body.Iban));
            if (!approval.IsApproved)
            {
                return (IResult)approval;
            }

            Interlocked.Increment(ref executions);
            return Results.Ok(new { executed = id });
        }).RequireAuthorization();

        endpoints.MapGet("/transfers/{id}/confirm", async (HttpContext context, StepUpApprovals approvals, string id, string amount, string iban) =>
        {
            var approval = await approvals.ConsumeAsync(context, Describe(id, amount, iban));
            return approval.IsApproved ? Results.Text($"executed {id}") : approval;
        }).RequireAuthorization();
    }

    private static async Task<HttpResponseMessage> TransferAsync(BrowserClient browser, string id, string amount = "500.00", string iban = "NL91ABNA0417164300")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/transfers/{id}") { Content = JsonContent.Create(new TransferBody(amount, iban)) };
        return await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task ApproveAsync(StepUpTestApp app, BrowserClient browser, HttpResponseMessage challenge) =>
        await ApproveAsync(app, browser, (await challenge.JsonAsync()).GetProperty("transaction").GetString()!);

    private static async Task ApproveAsync(StepUpTestApp app, BrowserClient browser, string ticket)
    {
        var id = await (await browser.PostJsonAsync("/stepup/api/challenges", new { channel = "sms", transaction = ticket })).ChallengeIdAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.VerifyAsync(id, app.LatestCode(StepUpApi.AlicePhone))).StatusCode);
    }

    [Fact]
    public async Task TheMessageSaysWhatIsApprovedAndTheApprovalRunsTheOperationExactlyOnce()
    {
        await using var app = await StepUpTestApp.StartAsync(endpoints: MapTransfers);
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        var challenge = await TransferAsync(browser, "t1");
        Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        var problem = await challenge.JsonAsync();
        Assert.Equal("send EUR 500.00 to NL91 ••• 4300", problem.GetProperty("transaction_description").GetString());

        await ApproveAsync(app, browser, problem.GetProperty("transaction").GetString()!);
        var message = app.Outbox.LatestTo(StepUpApi.AlicePhone)!;
        Assert.StartsWith($"localhost: code {message.Code} to send EUR 500.00 to NL91 ••• 4300.", message.Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await TransferAsync(browser, "t1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TransferAsync(browser, "t1")).StatusCode);
    }

    [Fact]
    public async Task AChangedAmountOrPayeeNeedsANewCode()
    {
        await using var app = await StepUpTestApp.StartAsync(endpoints: MapTransfers);
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        await ApproveAsync(app, browser, await TransferAsync(browser, "t2", "500.00"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await TransferAsync(browser, "t2", "5000.00")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TransferAsync(browser, "t2", "500.00", "NL02RABO0123456789")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TransferAsync(browser, "t3", "500.00")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TransferAsync(browser, "t2", "500.00")).StatusCode);
    }

    [Fact]
    public async Task ParallelSubmissionsOfAnApprovedTransferExecuteItOnce()
    {
        await using var app = await StepUpTestApp.StartAsync(endpoints: MapTransfers);
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        await ApproveAsync(app, browser, await TransferAsync(browser, "t4"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => TransferAsync(browser, "t4")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task ASessionStepUpDoesNotApproveATransactionNorTheOtherWayRound()
    {
        await using var app = await StepUpTestApp.StartAsync(endpoints: MapTransfers);
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);

        await browser.StepUpAsync(app, StepUpApi.AlicePhone);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TransferAsync(browser, "t5")).StatusCode);

        using var other = await app.SignedInBrowserAsync(StepUpApi.Alice);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await ApproveAsync(app, other, await TransferAsync(other, "t5"));
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/sensitive")).StatusCode);
    }

    [Fact]
    public async Task ATicketCannotBeUsedByAnotherUser()
    {
        await using var app = await StepUpTestApp.StartAsync(endpoints: MapTransfers);
        await app.AttachPhoneAsync("mallory", "+31687654321");
        using var alice = await app.SignedInBrowserAsync(StepUpApi.Alice);
        using var mallory = await app.SignedInBrowserAsync("mallory");
        var ticket = (await (await TransferAsync(alice, "t6")).JsonAsync()).GetProperty("transaction").GetString();

        var stolen = await mallory.PostJsonAsync("/stepup/api/challenges", new { channel = "sms", transaction = ticket });

        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.Equal("Approval expired", (await stolen.JsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task InABrowserThePageShowsWhatIsApprovedAndReturnsToTheOperation()
    {
        await using var app = await StepUpTestApp.StartAsync(endpoints: MapTransfers);
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        const string confirm = "/transfers/t7/confirm?amount=500.00&iban=NL91ABNA0417164300";

        var challenge = await browser.GetAsync(confirm);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var (_, page) = await browser.FollowAsync(confirm);
        Assert.Equal("send EUR 500.00 to NL91 ••• 4300", page.QuerySelector("#approving")!.TextContent);
        var (_, codePage) = await browser.SubmitAsync(page, "#send");
        var (verified, _) = await browser.SubmitAsync(codePage, "#verify", new Dictionary<string, string> { ["Code"] = app.LatestCode(StepUpApi.AlicePhone) });

        Assert.Equal(confirm, verified.Headers.Location!.OriginalString);
        Assert.Equal("executed t7", await browser.Http.GetStringAsync(confirm, TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(confirm)).StatusCode);
    }

    [Fact]
    public async Task AnExpiredTicketIsExplainedInsteadOfSendingACode()
    {
        await using var app = await StepUpTestApp.StartAsync(endpoints: MapTransfers);
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var location = (await browser.GetAsync("/transfers/t8/confirm?amount=1.00&iban=NL91ABNA0417164300")).Headers.Location!.OriginalString;

        app.Time.Advance(TimeSpan.FromMinutes(16));
        var (_, page) = await browser.GetPageAsync(location);

        Assert.NotNull(page.QuerySelector("#transaction-expired"));
        Assert.Null(page.QuerySelector("#send"));
    }

    private sealed record TransferBody(string Amount, string Iban);
}

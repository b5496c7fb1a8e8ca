using System.Security.Claims;
using BankingApp.Banking;
using StepUp.AspNetCore.Transactions;

namespace BankingApp.Api;

/// <summary>Body of <c>POST /api/transfers</c>.</summary>
public sealed record TransferRequest(string? PayeeName, string? PayeeIban, string? Amount);

/// <summary>
/// The JSON API: balances need a sign-in only; confirming a transfer needs a code for exactly that transfer and answers
/// RFC 9470 challenges (401 with <c>WWW-Authenticate: Bearer error="insufficient_user_authentication"</c>).
/// </summary>
public static class TransferApi
{
    /// <summary>Maps <c>/api/balance</c>, <c>/api/transfers</c> and <c>/api/transfers/{id}/confirm</c>.</summary>
    public static void MapTransferApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization();

        api.MapGet("/balance", (ClaimsPrincipal user, Ledger ledger) => ledger.AccountsOf(UserId(user)));

        api.MapPost("/transfers", (ClaimsPrincipal user, Ledger ledger, TransferRequest body) =>
        {
            if (TransferForm.Read(body.PayeeName, body.PayeeIban, body.Amount, out var error) is not { } transfer)
            {
                return Results.Problem(title: "Invalid transfer", detail: error, statusCode: StatusCodes.Status400BadRequest);
            }

            var pending = ledger.Save(UserId(user), null, transfer.Name, transfer.Iban, transfer.Amount);
            return Results.Created($"/api/transfers/{pending.Id}", new
            {
                id = pending.Id,
                amount = pending.AmountText,
                payee = pending.MaskedIban,
                confirm = $"/api/transfers/{pending.Id}/confirm",
            });
        });

        api.MapPost("/transfers/{id:guid}/confirm", async (HttpContext context, ClaimsPrincipal user, Ledger ledger, StepUpApprovals approvals, Guid id) =>
        {
            if (ledger.Find(UserId(user), id) is not { } pending)
            {
                return Results.Problem(title: "No such transfer", statusCode: StatusCodes.Status404NotFound);
            }

            if (ledger.Executed(id) is { } done)
            {
                return Results.Ok(new { executed = done.Id, alreadyExecuted = true });
            }

            var approval = await approvals.ConsumeAsync(context, pending.ToTransaction());
            if (!approval.IsApproved)
            {
                return approval;
            }

            try
            {
                var transfer = ledger.Execute(pending);
                return Results.Ok(new { executed = transfer.Id, amount = pending.AmountText, payee = pending.MaskedIban });
            }
            catch (InvalidOperationException ex)
            {
                return Results.Problem(title: "Transfer refused", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
}

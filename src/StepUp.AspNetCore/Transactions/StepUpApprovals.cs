using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore.Challenges;
using StepUp.AspNetCore.Diagnostics;
using StepUp.AspNetCore.Grants;
using StepUp.AspNetCore.Store;

namespace StepUp.AspNetCore.Transactions;

/// <summary>
/// Per-transaction step-up: an operation (a wire transfer) runs only when the user approved exactly this operation with a
/// code whose message said what it approves. The approval is consumed by one execution; a change of any approved value
/// needs a new code.
/// </summary>
/// <example>
/// <code>
/// var approval = await approvals.ConsumeAsync(HttpContext, new StepUpTransaction("send EUR 500.00 to NL91 ••• 4300", id, "500.00", "EUR", iban));
/// if (!approval.IsApproved) return approval; // the challenge (or 503)
/// Execute();
/// </code>
/// </example>
public sealed class StepUpApprovals
{
    private readonly IStepUpStore _store;
    private readonly StepUpSessionManager _sessions;
    private readonly TransactionTicket _tickets;
    private readonly StepUpChallengeWriter _writer;
    private readonly IOptionsMonitor<StepUpOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal StepUpApprovals(
        IStepUpStore store,
        StepUpSessionManager sessions,
        TransactionTicket tickets,
        StepUpChallengeWriter writer,
        IOptionsMonitor<StepUpOptions> options,
        TimeProvider time,
        ILogger<StepUpApprovals> logger)
    {
        _store = store;
        _sessions = sessions;
        _tickets = tickets;
        _writer = writer;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Uses up the user's approval of <paramref name="transaction"/>, if there is a fresh one; otherwise returns the response
    /// that asks for it (a step-up bound to the transaction that returns to <paramref name="returnUrl"/>, by default the
    /// current URL when it is a GET and the app root otherwise), or a 503 when the store cannot be reached.
    /// </summary>
    public async Task<StepUpApproval> ConsumeAsync(HttpContext context, StepUpTransaction transaction, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(transaction);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return StepUpApproval.Respond(c => c.ChallengeAsync());
        }

        var userId = _sessions.GetUserId(user) ?? throw new InvalidOperationException("The signed-in user has no id claim; see StepUp:UserIdClaimTypes.");
        try
        {
            if (StepUpSessionManager.GetSessionId(user) is { } sessionId &&
                await _store.ConsumeGrantAsync(userId, sessionId, transaction.Digest, context.RequestAborted).ConfigureAwait(false) is { } grant &&
                _time.GetUtcNow() - grant.VerifiedAt <= _options.CurrentValue.DefaultMaxAge)
            {
                _logger.RequirementSatisfied("transaction approval");
                return StepUpApproval.Approved;
            }
        }
        catch (StepUpStoreException ex)
        {
            _logger.StoreUnavailable(ex);
            return StepUpApproval.Respond(_writer.UnavailableAsync);
        }

        var ticket = _tickets.Protect(userId, transaction);
        var target = returnUrl ?? (HttpMethods.IsGet(context.Request.Method)
            ? context.Request.PathBase + context.Request.Path + context.Request.QueryString
            : context.Request.PathBase.HasValue ? context.Request.PathBase.Value! : "/");
        return StepUpApproval.Respond(c => _writer.TransactionChallengeAsync(c, transaction, ticket, target));
    }
}

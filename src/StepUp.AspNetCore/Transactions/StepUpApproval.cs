using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace StepUp.AspNetCore.Transactions;

/// <summary>
/// The answer of <see cref="StepUpApprovals.ConsumeAsync"/>: either the transaction is approved (execute it, once), or this
/// object is the response to return — a step-up challenge bound to the transaction, or 503 when the store is down. It is
/// both an <see cref="IResult"/> (minimal APIs) and an <see cref="IActionResult"/> (controllers, Razor Pages).
/// </summary>
public sealed class StepUpApproval : IResult, IActionResult
{
    private readonly Func<HttpContext, Task>? _respond;

    private StepUpApproval(bool approved, Func<HttpContext, Task>? respond)
    {
        IsApproved = approved;
        _respond = respond;
    }

    /// <summary>Whether the user approved this transaction with a code; the approval is now used up.</summary>
    public bool IsApproved { get; }

    internal static StepUpApproval Approved { get; } = new(true, null);

    internal static StepUpApproval Respond(Func<HttpContext, Task> respond) => new(false, respond);

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return _respond is null
            ? throw new InvalidOperationException("The transaction is approved: execute it instead of returning the approval.")
            : _respond(httpContext);
    }

    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StepUp.AspNetCore.Store;
using StepUp.AspNetCore.Transactions;
using StepUp.AspNetCore.Verification;

namespace StepUp.AspNetCore.Pages;

/// <summary>
/// The step-up page: verify the attached phone (shown masked) or, when none is attached, enter a number and verify it;
/// by text message or voice call, with resend, channel switch and cancel.
/// </summary>
[Authorize]
public sealed class VerifyModel : PhoneFlowPageModel
{
    /// <summary>The channels the requirement allows (a hint from the challenge; re-checked at authorization).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Channels { get; set; }

    /// <summary>The ticket of the operation being approved, if this step-up approves one transaction.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Transaction { get; set; }

    /// <summary>The operation being approved, when the ticket is valid.</summary>
    public StepUpTransaction? Approving { get; private set; }

    /// <summary>Whether a ticket was given but is not valid (expired, altered, another user's).</summary>
    public bool TransactionExpired { get; private set; }

    /// <summary>Whether the user just cancelled.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>Shows the send form, or the code form when a code is pending.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Sends (or resends, or switches channel).</summary>
    public async Task<IActionResult> OnPostSendAsync()
    {
        await LoadAsync();
        if (TransactionExpired)
        {
            Response.StatusCode = 400;
            return Page();
        }

        var purpose = State.HasVerifiedPhone ? ChallengePurpose.StepUp : ChallengePurpose.Enrollment;
        var result = await Flow.SendAsync(HttpContext, purpose, ChosenChannel, State.HasVerifiedPhone ? null : PhoneNumber, Offered, Approving);
        return ShowSend(result, purpose, Approving?.Digest);
    }

    /// <summary>Checks the code; on success returns to <see cref="StepUpPageModel.ReturnUrl"/>.</summary>
    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var result = await Flow.VerifyAsync(HttpContext, ChallengeId, Code);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl!);
        }

        await LoadAsync();
        return ShowNotVerified(result);
    }

    /// <summary>Cancels: nothing is attached, nothing is granted.</summary>
    public async Task<IActionResult> OnPostCancelAsync()
    {
        await Flow.CancelAsync(HttpContext);
        await LoadAsync();
        Cancelled = true;
        Pending = null;
        return Page();
    }

    private async Task LoadAsync()
    {
        Offered = Flow.OfferedChannels(Channels);
        State = await Flow.GetStateAsync(HttpContext);
        Approving = Flow.ReadTransaction(HttpContext, Transaction);
        TransactionExpired = !string.IsNullOrEmpty(Transaction) && Approving is null;
        Pending = State.Pending is { Purpose: not ChallengePurpose.ChangePhone } pending && pending.TransactionDigest == Approving?.Digest ? pending : null;
    }
}

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
public sealed class VerifyModel : StepUpPageModel
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

    /// <summary>The number typed by a user with no attached phone.</summary>
    [BindProperty]
    public string? PhoneNumber { get; set; }

    /// <summary>The channel chosen: <c>sms</c> or <c>voice</c>.</summary>
    [BindProperty]
    public string? Channel { get; set; }

    /// <summary>The code typed.</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The challenge answered.</summary>
    [BindProperty]
    public string? ChallengeId { get; set; }

    /// <summary>What the user has.</summary>
    public PhoneVerificationState State { get; private set; } = new();

    /// <summary>The code waiting to be typed, if any.</summary>
    public PendingCode? Pending { get; private set; }

    /// <summary>The channels offered.</summary>
    public PhoneChannels Offered { get; private set; } = PhoneChannels.All;

    /// <summary>An error about the phone number field.</summary>
    public string? PhoneNumberError { get; private set; }

    /// <summary>An error about the code field.</summary>
    public string? CodeError { get; private set; }

    /// <summary>Whether the user just cancelled.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>Shows the send form, or the code form when a code is pending.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Sends (or resends, or switches channel).</summary>
    public async Task<IActionResult> OnPostSendAsync()
    {
        await LoadAsync();
        var channel = string.Equals(Channel, "voice", StringComparison.OrdinalIgnoreCase) ? PhoneChannel.Voice : PhoneChannel.Sms;
        var purpose = State.HasVerifiedPhone ? ChallengePurpose.StepUp : ChallengePurpose.Enrollment;
        if (TransactionExpired)
        {
            Response.StatusCode = 400;
            return Page();
        }

        var result = await Flow.SendAsync(HttpContext, purpose, channel, State.HasVerifiedPhone ? null : PhoneNumber, Offered, Approving);
        if (result.Succeeded)
        {
            StatusMessage = result.Message;
            Pending = new PendingCode(result.ChallengeId!, purpose, channel, result.MaskedPhoneNumber!, result.ExpiresAt!.Value, 0, Approving?.Digest);
            return Page();
        }

        if (result.Status is StartVerificationStatus.InvalidPhoneNumber or StartVerificationStatus.CountryNotAllowed or StartVerificationStatus.PhoneNumberRequired)
        {
            PhoneNumberError = result.Message;
        }
        else
        {
            ErrorMessage = result.Message;
        }

        Response.StatusCode = result.Status == StartVerificationStatus.RateLimited ? 429 : 400;
        return Page();
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
        if (result.Status is VerifyCodeStatus.WrongCode or VerifyCodeStatus.InvalidFormat)
        {
            CodeError = result.Message;
        }
        else
        {
            ErrorMessage = result.Message;
            Pending = null;
        }

        Response.StatusCode = result.Status == VerifyCodeStatus.TooManyAttempts ? 429 : 400;
        return Page();
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

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StepUp.AspNetCore.Store;
using StepUp.AspNetCore.Verification;

namespace StepUp.AspNetCore.Pages;

/// <summary>
/// Replaces the attached phone number. Itself protected: the user first verifies the current number (step-up), then the new
/// one; the old number is told of the change.
/// </summary>
[Authorize]
[RequirePhoneMfa]
public sealed class PhoneModel : StepUpPageModel
{
    /// <summary>The new number.</summary>
    [BindProperty]
    public string? PhoneNumber { get; set; }

    /// <summary>The channel chosen.</summary>
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

    /// <summary>The code for the new number, if sent.</summary>
    public PendingCode? Pending { get; private set; }

    /// <summary>The channels offered.</summary>
    public PhoneChannels Offered { get; private set; } = PhoneChannels.All;

    /// <summary>An error about the phone number field.</summary>
    public string? PhoneNumberError { get; private set; }

    /// <summary>An error about the code field.</summary>
    public string? CodeError { get; private set; }

    /// <summary>Whether the number was just changed.</summary>
    public bool Changed { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Sends a code to the new number.</summary>
    public async Task<IActionResult> OnPostSendAsync()
    {
        await LoadAsync();
        var channel = string.Equals(Channel, "voice", StringComparison.OrdinalIgnoreCase) ? PhoneChannel.Voice : PhoneChannel.Sms;
        var purpose = State.HasVerifiedPhone ? ChallengePurpose.ChangePhone : ChallengePurpose.Enrollment;
        var result = await Flow.SendAsync(HttpContext, purpose, channel, PhoneNumber, Offered);
        if (result.Succeeded)
        {
            StatusMessage = result.Message;
            Pending = new PendingCode(result.ChallengeId!, purpose, channel, result.MaskedPhoneNumber!, result.ExpiresAt!.Value, 0);
            return Page();
        }

        if (result.Status is StartVerificationStatus.InvalidPhoneNumber or StartVerificationStatus.CountryNotAllowed or StartVerificationStatus.PhoneAlreadyAttached)
        {
            PhoneNumberError = result.Message;
            Pending = null;
        }
        else
        {
            ErrorMessage = result.Message;
        }

        Response.StatusCode = result.Status == StartVerificationStatus.RateLimited ? 429 : 400;
        return Page();
    }

    /// <summary>Checks the code for the new number; on success the number replaces the old one.</summary>
    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var result = await Flow.VerifyAsync(HttpContext, ChallengeId, Code);
        await LoadAsync();
        if (result.Succeeded)
        {
            Changed = true;
            Pending = null;
            StatusMessage = $"Your phone number is now {State.MaskedPhoneNumber}.";
            return Page();
        }

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

    /// <summary>Cancels: the attached number stays.</summary>
    public async Task<IActionResult> OnPostCancelAsync()
    {
        await Flow.CancelAsync(HttpContext);
        return LocalRedirect(ReturnUrl!);
    }

    private async Task LoadAsync()
    {
        Offered = Flow.OfferedChannels(null);
        State = await Flow.GetStateAsync(HttpContext);
        Pending = State.Pending is { Purpose: ChallengePurpose.ChangePhone or ChallengePurpose.Enrollment } pending ? pending : null;
    }
}

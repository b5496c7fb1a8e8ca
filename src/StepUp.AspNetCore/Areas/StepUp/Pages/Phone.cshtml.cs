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
public sealed class PhoneModel : PhoneFlowPageModel
{
    /// <summary>Whether the number was just changed.</summary>
    public bool Changed { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Sends a code to the new number.</summary>
    public async Task<IActionResult> OnPostSendAsync()
    {
        await LoadAsync();
        var purpose = State.HasVerifiedPhone ? ChallengePurpose.ChangePhone : ChallengePurpose.Enrollment;
        return ShowSend(await Flow.SendAsync(HttpContext, purpose, ChosenChannel, PhoneNumber, Offered), purpose);
    }

    /// <summary>Checks the code for the new number; on success the number replaces the old one.</summary>
    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var result = await Flow.VerifyAsync(HttpContext, ChallengeId, Code);
        await LoadAsync();
        if (!result.Succeeded)
        {
            return ShowNotVerified(result);
        }

        Changed = true;
        Pending = null;
        StatusMessage = $"Your phone number is now {State.MaskedPhoneNumber}.";
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

using Microsoft.AspNetCore.Mvc;
using StepUp.AspNetCore.Store;
using StepUp.AspNetCore.Verification;

namespace StepUp.AspNetCore.Pages;

/// <summary>What the step-up page and the phone-change page share: the fields, the state, and how results become page state.</summary>
public abstract class PhoneFlowPageModel : StepUpPageModel
{
    /// <summary>The number typed (a user with no attached phone, or the new number).</summary>
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
    public PhoneVerificationState State { get; protected set; } = new();

    /// <summary>The code waiting to be typed, if any.</summary>
    public PendingCode? Pending { get; protected set; }

    /// <summary>The channels offered.</summary>
    public PhoneChannels Offered { get; protected set; } = PhoneChannels.All;

    /// <summary>An error about the phone number field.</summary>
    public string? PhoneNumberError { get; protected set; }

    /// <summary>An error about the code field.</summary>
    public string? CodeError { get; protected set; }

    /// <summary>The channel chosen (text unless "voice").</summary>
    protected PhoneChannel ChosenChannel =>
        string.Equals(Channel, "voice", StringComparison.OrdinalIgnoreCase) ? PhoneChannel.Voice : PhoneChannel.Sms;

    /// <summary>Shows the outcome of a send: the code form, or the error next to the field it concerns.</summary>
    protected IActionResult ShowSend(StartVerificationResult result, ChallengePurpose purpose, string? transactionDigest = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            StatusMessage = result.Message;
            Pending = new PendingCode(result.ChallengeId!, purpose, result.Channel, result.MaskedPhoneNumber!, result.ExpiresAt!.Value, 0, transactionDigest);
            return Page();
        }

        if (result.Status is StartVerificationStatus.InvalidPhoneNumber or StartVerificationStatus.CountryNotAllowed
            or StartVerificationStatus.PhoneNumberRequired or StartVerificationStatus.PhoneAlreadyAttached)
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

    /// <summary>Shows a failed code check: next to the field while the code can still be used, as an alert otherwise.</summary>
    protected IActionResult ShowNotVerified(VerifyCodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
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
}

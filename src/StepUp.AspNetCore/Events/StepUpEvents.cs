namespace StepUp.AspNetCore;

/// <summary>
/// Hooks into StepUp's decisions. Set the <c>On…</c> delegates, or derive and override the virtual methods (then register
/// the type in DI and set <see cref="StepUpOptions.Events"/>).
/// </summary>
public class StepUpEvents
{
    /// <summary>Invoked before a code is sent.</summary>
    public Func<CodeSendingContext, Task> OnCodeSending { get; set; } = _ => Task.CompletedTask;

    /// <summary>Invoked after a code was verified.</summary>
    public Func<PhoneVerifiedContext, Task> OnPhoneVerified { get; set; } = _ => Task.CompletedTask;

    /// <summary>Invoked after a code check failed.</summary>
    public Func<VerificationFailedContext, Task> OnVerificationFailed { get; set; } = _ => Task.CompletedTask;

    /// <summary>Invoked before a protected endpoint answers with a step-up challenge; call <see cref="StepUpChallengeContext.HandleResponse"/> to write your own.</summary>
    public Func<StepUpChallengeContext, Task> OnChallenge { get; set; } = _ => Task.CompletedTask;

    /// <summary>Invoked before a code is sent.</summary>
    public virtual Task CodeSending(CodeSendingContext context) => OnCodeSending(context);

    /// <summary>Invoked after a code was verified.</summary>
    public virtual Task PhoneVerified(PhoneVerifiedContext context) => OnPhoneVerified(context);

    /// <summary>Invoked after a code check failed.</summary>
    public virtual Task VerificationFailed(VerificationFailedContext context) => OnVerificationFailed(context);

    /// <summary>Invoked before a step-up challenge is written.</summary>
    public virtual Task Challenge(StepUpChallengeContext context) => OnChallenge(context);
}

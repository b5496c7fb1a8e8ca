namespace StepUp.OpenIdConnect;

/// <summary>Hooks into the directory redirect mode. Set the <c>On…</c> delegates, or derive and override the virtual methods.</summary>
public class OpenIdConnectRedirectEvents
{
    /// <summary>
    /// Invoked when a round trip to the directory did not step the session up (cancelled, not verified, too old, …). By
    /// default StepUp redirects to its result page; call <see cref="DirectoryStepUpFailedContext.HandleResponse"/> to answer yourself.
    /// </summary>
    public Func<DirectoryStepUpFailedContext, Task> OnStepUpFailed { get; set; } = _ => Task.CompletedTask;

    /// <summary>Invoked when a round trip to the directory did not step the session up.</summary>
    public virtual Task StepUpFailed(DirectoryStepUpFailedContext context) => OnStepUpFailed(context);
}

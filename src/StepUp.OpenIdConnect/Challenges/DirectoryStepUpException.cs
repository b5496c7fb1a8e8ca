namespace StepUp.OpenIdConnect.Challenges;

/// <summary>The failure StepUp gives the OpenID Connect handler when a step-up token does not prove MFA.</summary>
internal sealed class DirectoryStepUpException : Exception
{
    public DirectoryStepUpException()
        : this(DirectoryStepUpOutcome.Failed)
    {
    }

    public DirectoryStepUpException(string message)
        : base(message)
    {
    }

    public DirectoryStepUpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DirectoryStepUpException(DirectoryStepUpOutcome outcome)
        : base($"The directory's answer does not satisfy the step-up: {outcome}.") => Outcome = outcome;

    public DirectoryStepUpOutcome Outcome { get; } = DirectoryStepUpOutcome.Failed;
}

namespace StepUp.OpenIdConnect;

/// <summary>Why a round trip to the directory did not step the session up.</summary>
public enum DirectoryStepUpOutcome
{
    /// <summary>The user cancelled at the directory (<c>access_denied</c>, e.g. B2C's AADB2C90091). Nothing was granted.</summary>
    Cancelled = 1,

    /// <summary>The directory answered with a token that does not come from an allowed MFA policy or <c>acr</c>.</summary>
    NotVerified,

    /// <summary>The token's <c>auth_time</c> is missing or older than the requirement's max age.</summary>
    TooOld,

    /// <summary>The directory signed in another account than the one that asked for the step-up.</summary>
    OtherAccount,

    /// <summary>The answer could not be processed (protocol error, code refused, expired sign-in request).</summary>
    Failed,

    /// <summary>A step-up was accepted moments ago but still does not satisfy the requirement: StepUp stops instead of looping.</summary>
    NotRecognised,
}

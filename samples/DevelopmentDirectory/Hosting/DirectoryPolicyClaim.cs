namespace StepUp.DevelopmentDirectory;

/// <summary>Which claim carries the policy id in tokens (B2C: "Claim representing policy ID").</summary>
public enum DirectoryPolicyClaim
{
    /// <summary><c>tfp</c> (the B2C default).</summary>
    Tfp = 1,

    /// <summary><c>acr</c>.</summary>
    Acr,
}

namespace InsuranceApp.Sites;

/// <summary>The policy a site shows (configuration <c>Sites:{name}:Policy</c>).</summary>
public sealed class InsurancePolicy
{
    /// <summary>The policy number.</summary>
    public string Number { get; set; } = string.Empty;

    /// <summary>What it covers.</summary>
    public string Covers { get; set; } = string.Empty;
}

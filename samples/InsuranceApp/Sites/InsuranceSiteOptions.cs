namespace InsuranceApp.Sites;

/// <summary>One insurance application (configuration section <c>Sites:{name}</c>).</summary>
public sealed class InsuranceSiteOptions
{
    /// <summary>Where it listens, e.g. <c>http://localhost:5182</c>.</summary>
    public string Urls { get; set; } = string.Empty;

    /// <summary>Its name in the header, e.g. <c>Home insurance</c>.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>The header colour.</summary>
    public string Accent { get; set; } = "#0b3d6e";

    /// <summary>Its client id in the directory.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Its client secret in a real directory (user secrets or environment, never appsettings.json).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The policy it signs in with at the development directory, e.g. <c>B2C_1_SiIn</c>.</summary>
    public string SignInPolicy { get; set; } = "B2C_1_SiIn";

    /// <summary>Whether every page needs phone MFA (in the mode of <c>StepUp:Mode</c> in the same section).</summary>
    public bool RequirePhoneMfa { get; set; }

    /// <summary>The policy shown.</summary>
    public InsurancePolicy Policy { get; set; } = new();
}

namespace StepUp.Benchmarks.InProcess;

/// <summary>The user type of the ASP.NET Core Identity side of the comparison.</summary>
public sealed class BenchmarkUser
{
    /// <summary>Id.</summary>
    public required string Id { get; init; }

    /// <summary>User name.</summary>
    public required string UserName { get; set; }

    /// <summary>Normalized user name.</summary>
    public string? NormalizedUserName { get; set; }

    /// <summary>Phone number (E.164).</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>Whether the phone number is confirmed.</summary>
    public bool PhoneNumberConfirmed { get; set; }

    /// <summary>Security stamp: the TOTP key of Identity's token providers.</summary>
    public string? SecurityStamp { get; set; }
}

namespace StepUp.DevelopmentDirectory;

/// <summary>A local account to seed into the development directory.</summary>
public sealed record DirectoryAccount
{
    /// <summary>The sign-in name.</summary>
    public required string UserName { get; init; }

    /// <summary>The password (development only; kept hashed in memory).</summary>
    public required string Password { get; init; }

    /// <summary>The display name (<c>name</c> claim).</summary>
    public required string DisplayName { get; init; }

    /// <summary>A verified phone to attach (E.164), or <see langword="null"/>.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The object id (<c>sub</c>/<c>oid</c>); a new one when <see langword="null"/>.</summary>
    public string? Id { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"DirectoryAccount {{ UserName = {UserName} }}";
}

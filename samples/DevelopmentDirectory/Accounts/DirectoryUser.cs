namespace StepUp.DevelopmentDirectory.Accounts;

/// <summary>An account of the development directory. Phones live in StepUp's store, keyed by <see cref="Id"/>.</summary>
internal sealed class DirectoryUser
{
    public required string Id { get; init; }

    public required string UserName { get; init; }

    public required string DisplayName { get; set; }

    /// <summary>The password hash of a local account; <see langword="null"/> for a social account.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>The identity provider of a social account (<c>idp</c> claim); <see langword="null"/> for a local account.</summary>
    public string? IdentityProvider { get; init; }
}

namespace StepUp.DevelopmentDirectory;

/// <summary>An application registered in the development directory (authorization code flow with PKCE).</summary>
public sealed class DevelopmentDirectoryClient
{
    /// <summary>The client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The client secret; <see langword="null"/> for a public client.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>The display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Allowed redirect URIs, e.g. <c>https://localhost:5001/signin-oidc</c>.</summary>
    public IList<Uri> RedirectUris { get; init; } = [];

    /// <summary>Allowed post-logout redirect URIs, e.g. <c>https://localhost:5001/signout-callback-oidc</c>.</summary>
    public IList<Uri> PostLogoutRedirectUris { get; init; } = [];
}

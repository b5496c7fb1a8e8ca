using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Time.Testing;

namespace StepUp.OpenIdConnect.Tests.Infrastructure;

/// <summary>How a test relying party is set up.</summary>
internal sealed class RelyingPartySettings
{
    public DirectoryDialect Dialect { get; set; } = DirectoryDialect.AzureAdB2C;

    /// <summary>The policy the app signs in with (its Authority).</summary>
    public string SignInPolicy { get; set; } = "B2C_1_SiIn";

    /// <summary>Use the <c>p=</c> form of the metadata address instead of the policy segment.</summary>
    public bool QueryStylePolicy { get; set; }

    public string MfaPolicy { get; set; } = "B2C_1_SiIn_MFA";

    public IList<string> AllowedMfaPolicies { get; } = [];

    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);

    public bool MapInboundClaims { get; set; } = true;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The app's own OpenID Connect events (StepUp must wrap, not replace, them).</summary>
    public OpenIdConnectEvents Events { get; } = new();
}

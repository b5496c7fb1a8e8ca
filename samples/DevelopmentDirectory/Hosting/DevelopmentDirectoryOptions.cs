using Microsoft.Extensions.Logging;
using StepUp.AspNetCore;

namespace StepUp.DevelopmentDirectory;

/// <summary>Settings of the development directory (configuration section <c>DevelopmentDirectory</c> when standalone).</summary>
public sealed class DevelopmentDirectoryOptions
{
    /// <summary>The tenant name used in URLs. Default: <c>stepupdev.onmicrosoft.com</c>.</summary>
    public string Tenant { get; set; } = "stepupdev.onmicrosoft.com";

    /// <summary>The tenant id used in the issuer (<c>{origin}/{TenantId}/v2.0/</c>, as in B2C). Default: a fixed GUID.</summary>
    public string TenantId { get; set; } = "8d6b4f7e-2c1a-4d8e-9f3b-5a7c6e1d2b40";

    /// <summary>
    /// Where the directory listens, e.g. <c>http://127.0.0.1:5080</c>. Default: a free port on 127.0.0.1. Loopback HTTP only:
    /// this is a development directory.
    /// </summary>
    public Uri? Origin { get; set; }

    /// <summary>The policies. Default: <see cref="DirectoryPolicy.Defaults"/>.</summary>
    public IList<DirectoryPolicy> Policies { get; } = [.. DirectoryPolicy.Defaults];

    /// <summary>Registered applications.</summary>
    public IList<DevelopmentDirectoryClient> Clients { get; } = [];

    /// <summary>Seeded local accounts. Default: alice (verified phone) and bob (no phone), password <c>Passw0rd!</c>.</summary>
    public IList<DirectoryAccount> Accounts { get; } =
    [
        new() { Id = "a1ce0000-0000-4000-8000-000000000001", UserName = "alice", Password = "Passw0rd!", DisplayName = "Alice Jansen", PhoneNumber = "+31612345634" },
        new() { Id = "b0b00000-0000-4000-8000-000000000002", UserName = "bob", Password = "Passw0rd!", DisplayName = "Bob de Vries" },
    ];

    /// <summary>Which claim carries the policy id. Default: <see cref="DirectoryPolicyClaim.Tfp"/>.</summary>
    public DirectoryPolicyClaim PolicyClaim { get; set; } = DirectoryPolicyClaim.Tfp;

    /// <summary>
    /// <c>acr_values</c> that ask for the phone step on any policy (standard OIDC step-up); the token then carries that
    /// <c>acr</c>. Default: <c>phone-mfa</c>.
    /// </summary>
    public IList<string> MfaAcrValues { get; } = [StepUpDefaults.AcrValues];

    /// <summary>Whether <see cref="MfaAcrValues"/> are honoured. Set to <see langword="false"/> to emulate a directory that ignores them.</summary>
    public bool HonourAcrValues { get; set; } = true;

    /// <summary>Adjusts the StepUp engine used by the phone step (limits, code length).</summary>
    public Action<StepUpOptions>? ConfigureStepUp { get; set; }

    /// <summary>The clock of sessions and the phone step. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The display name of the demo social account.</summary>
    public string SocialDisplayName { get; set; } = "Sam Social";

    /// <summary>Adds log providers (none by default, so tests stay quiet; the standalone host logs to the console).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}

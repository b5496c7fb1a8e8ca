using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace StepUp.OpenIdConnect.Metadata;

/// <summary>
/// The OpenID Connect scheme's configuration manager, wrapped: a request that StepUp marked as a B2C step-up (challenge, or
/// callback whose protected state names the MFA policy) gets that policy's metadata — its authorize and token endpoints,
/// its keys and its issuer — and every other request the scheme's own. One <see cref="ConfigurationManager{T}"/> per
/// configured policy, created up front: the set is bounded by configuration, never by request data.
/// </summary>
/// <remarks>
/// Deliberately not a <c>BaseConfigurationManager</c>: the OpenID Connect handler then validates the id_token against the
/// configuration this manager returned for the request, not against a single shared manager.
/// </remarks>
internal sealed class PolicyConfigurationManager(
    IConfigurationManager<OpenIdConnectConfiguration> inner,
    IReadOnlyDictionary<string, IConfigurationManager<OpenIdConnectConfiguration>> policies,
    IHttpContextAccessor accessor) : IConfigurationManager<OpenIdConnectConfiguration>
{
    /// <summary>The <see cref="HttpContext.Items"/> key holding the policy id of the current step-up.</summary>
    public static readonly object PolicyItemKey = new();

    public IConfigurationManager<OpenIdConnectConfiguration> Inner => inner;

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) =>
        For(accessor.HttpContext?.Items[PolicyItemKey] as string).GetConfigurationAsync(cancel);

    public IConfigurationManager<OpenIdConnectConfiguration> For(string? policy) =>
        policy is not null && policies.TryGetValue(policy, out var manager) ? manager : inner;

    public bool Knows(string policy) => policies.ContainsKey(policy);

    public void RequestRefresh()
    {
        inner.RequestRefresh();
        foreach (var manager in policies.Values)
        {
            manager.RequestRefresh();
        }
    }
}

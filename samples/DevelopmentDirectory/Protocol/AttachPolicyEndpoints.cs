using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace StepUp.DevelopmentDirectory.Protocol;

/// <summary>
/// Makes each policy's discovery document point at that policy's authorize, token, logout and key endpoints, as B2C does;
/// the issuer stays the tenant's. Runs after OpenIddict's own <c>AttachEndpoints</c>.
/// </summary>
internal sealed class AttachPolicyEndpoints(DirectoryPolicies policies) : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<AttachPolicyEndpoints>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        var request = context.Transaction.GetHttpRequest() ?? throw new InvalidOperationException("Not an ASP.NET Core request.");
        if (policies.Resolve(request.Path, request.Query) is not ({ } policy, var queryStyle) || context.BaseUri is not { } baseUri)
        {
            context.Reject(Errors.InvalidRequest, "AADB2C90008: The request does not name a policy of this tenant.");
            return default;
        }

        context.AuthorizationEndpoint = policies.Endpoint(baseUri, policy, DirectoryPaths.Authorize, queryStyle);
        context.TokenEndpoint = policies.Endpoint(baseUri, policy, DirectoryPaths.Token, queryStyle);
        context.EndSessionEndpoint = policies.Endpoint(baseUri, policy, DirectoryPaths.Logout, queryStyle);
        context.JsonWebKeySetEndpoint = policies.Endpoint(baseUri, policy, DirectoryPaths.Keys, queryStyle);
        return default;
    }
}

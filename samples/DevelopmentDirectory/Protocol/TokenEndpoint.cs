using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using StepUp.DevelopmentDirectory.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace StepUp.DevelopmentDirectory.Protocol;

/// <summary>
/// The token endpoint of every policy. As in B2C, a code is redeemed only at the token endpoint of the policy that issued
/// it (AADB2C90088), so a code from a policy without MFA cannot be passed off at the MFA policy's endpoint.
/// </summary>
internal sealed partial class TokenEndpoint(DirectoryPolicies policies, DirectoryUserStore users, ILogger<TokenEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle this request.");
        if (!request.IsAuthorizationCodeGrantType())
        {
            return AuthorizeEndpoint.Forbid(Errors.UnsupportedGrantType, "Only the authorization code grant is supported.");
        }

        if (policies.Resolve(http.Request.Path, http.Request.Query) is not ({ } policy, _))
        {
            return AuthorizeEndpoint.Forbid(Errors.InvalidRequest, "AADB2C90008: The request does not name a policy of this tenant.");
        }

        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal.GetClaim(Claims.Subject) is not { } subject || users.Find(subject) is null)
        {
            return AuthorizeEndpoint.Forbid(Errors.InvalidGrant, "The authorization code is no longer valid.");
        }

        var issuedBy = result.Principal.GetClaim(AuthorizeEndpoint.PolicyClaim);
        if (!string.Equals(issuedBy, policy.Id, StringComparison.OrdinalIgnoreCase))
        {
            WrongPolicy(logger, issuedBy, policy.Id);
            return AuthorizeEndpoint.Forbid(
                Errors.InvalidGrant,
                $"AADB2C90088: The provided grant has not been issued for this endpoint. Actual Value : {issuedBy} and Expected Value : {policy.Id}");
        }

        return Results.SignIn(result.Principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    [LoggerMessage(3, LogLevel.Warning, "Refused a code of policy {IssuedBy} at the token endpoint of policy {Policy}.", EventName = "WrongPolicy")]
    private static partial void WrongPolicy(ILogger logger, string? issuedBy, string policy);
}

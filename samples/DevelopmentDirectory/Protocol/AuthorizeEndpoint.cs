using Microsoft.AspNetCore;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Store;
using StepUp.DevelopmentDirectory.Accounts;
using StepUp.DevelopmentDirectory.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace StepUp.DevelopmentDirectory.Protocol;

/// <summary>
/// The authorize endpoint of every policy (OpenIddict has already checked the client, redirect URI, PKCE and scopes):
/// sends the user through the steps the policy needs — sign-in or sign-up, password reset, the phone step, the profile
/// page — reusing the SSO session, then issues the code. Cancel answers <c>access_denied</c> with AADB2C90091.
/// </summary>
internal sealed partial class AuthorizeEndpoint(
    DirectoryPolicies policies,
    DirectoryUserStore users,
    IStepUpStore store,
    DevelopmentDirectoryOptions options,
    ILogger<AuthorizeEndpoint> logger)
{
    public const string CancelledDescription = "AADB2C90091: The user has cancelled entering self-asserted information.";

    /// <summary>A private claim (no destination, so only inside the code): the policy that issued the code.</summary>
    public const string PolicyClaim = "dd_policy";

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle this request.");
        if (policies.Resolve(http.Request.Path, http.Request.Query) is not ({ } policy, _))
        {
            return Forbid(Errors.InvalidRequest, "AADB2C90008: The request does not name a policy of this tenant.");
        }

        if (request[DirectoryPaths.CancelParameter]?.ToString() == "1")
        {
            Cancelled(logger, policy.Id);
            return Forbid(Errors.AccessDenied, CancelledDescription);
        }

        var now = options.TimeProvider.GetUtcNow();
        var session = await DirectorySession.ReadAsync(http);
        var user = session is null ? null : users.Find(session.UserId);
        var mfaAcr = options.HonourAcrValues ? request.GetAcrValues().FirstOrDefault(v => options.MfaAcrValues.Contains(v, StringComparer.Ordinal)) : null;
        var needsMfa = policy.RequireMfa || mfaAcr is not null;
        var maxAge = request.MaxAge is { } seconds and >= 0 ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var done = request[DirectoryPaths.DoneParameter]?.ToString();
        var interactive = !request.HasPromptValue(PromptValues.None);

        if (policy.Kind == DirectoryPolicyKind.PasswordReset && done != "reset")
        {
            return interactive ? Step(http, DirectoryPaths.PasswordReset) : Forbid(Errors.LoginRequired, "The password reset needs the user.");
        }

        var primaryTooOld = !needsMfa && maxAge is { } primaryAge && session is not null && now - session.AuthenticatedAt > primaryAge;
        if (session is null || user is null || request.HasPromptValue(PromptValues.Login) || primaryTooOld)
        {
            return interactive ? Step(http, DirectoryPaths.SignIn) : Forbid(Errors.LoginRequired, "The user is not signed in.");
        }

        var mfaTooOld = session.MfaAt is null || (maxAge is { } mfaAge && now - session.MfaAt > mfaAge);
        if (needsMfa && mfaTooOld)
        {
            return interactive ? Step(http, DirectoryPaths.Phone) : Forbid(Errors.InteractionRequired, "The phone step is needed.");
        }

        if (policy.Kind == DirectoryPolicyKind.ProfileEdit && done != "profile")
        {
            return interactive ? Step(http, DirectoryPaths.Profile) : Forbid(Errors.InteractionRequired, "The profile page is needed.");
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim("oid", user.Id)
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(PolicyClaim, policy.Id);
        if (user.IdentityProvider is { } idp)
        {
            identity.SetClaim("idp", idp);
        }

        if (options.PolicyClaim == DirectoryPolicyClaim.Tfp)
        {
            identity.SetClaim("tfp", policy.Id);
        }

        var acr = mfaAcr ?? (options.PolicyClaim == DirectoryPolicyClaim.Acr ? policy.Id : null);
        if (acr is not null)
        {
            identity.SetClaim(Claims.AuthenticationContextReference, acr);
        }

        var methods = ImmutableArray.CreateBuilder<string>();
        if (user.IdentityProvider is null)
        {
            methods.Add("pwd");
        }

        var authTime = session.AuthenticatedAt;
        if (needsMfa && session.MfaAt is { } mfaAt)
        {
            methods.Add("mfa");
            methods.Add(session.MfaChannel == PhoneChannel.Voice ? "tel" : "sms");
            authTime = mfaAt > authTime ? mfaAt : authTime;
        }

        if (methods.Count > 0)
        {
            identity.SetClaims(Claims.AuthenticationMethodReference, methods.ToImmutable());
        }

        identity.AddClaim(new Claim(Claims.AuthenticationTime, authTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        if (await store.GetVerifiedPhoneAsync(user.Id, http.RequestAborted) is { } phone)
        {
            identity.SetClaim(Claims.PhoneNumber, phone.PhoneNumber);
            identity.AddClaim(new Claim(Claims.PhoneNumberVerified, "true", ClaimValueTypes.Boolean));
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(claim => claim.Type == PolicyClaim ? [] : [Destinations.IdentityToken, Destinations.AccessToken]);
        Issued(logger, policy.Id, needsMfa);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// The authorize URL to come back to after a UI step, without the cancel marker and without <c>prompt</c> (already
    /// answered by the step, so that the user does not loop). A completed password reset stays marked through the phone step.
    /// </summary>
    public static string ReturnUrl(HttpRequest request)
    {
        IEnumerable<KeyValuePair<string, StringValues>> parameters = request.HasFormContentType ? request.Form : request.Query;
        var kept = parameters
            .Where(p => p.Key is not (DirectoryPaths.CancelParameter or Parameters.Prompt))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, kept);
    }

    private static IResult Step(HttpContext http, string page) =>
        Results.Redirect(QueryHelpers.AddQueryString(http.Request.PathBase + page, "returnUrl", ReturnUrl(http.Request)));

    public static IResult Forbid(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    [LoggerMessage(1, LogLevel.Information, "Tokens issued for policy {Policy} (phone step: {Mfa}).", EventName = "Issued")]
    private static partial void Issued(ILogger logger, string policy, bool mfa);

    [LoggerMessage(2, LogLevel.Information, "The user cancelled policy {Policy}; answering access_denied.", EventName = "Cancelled")]
    private static partial void Cancelled(ILogger logger, string policy);
}

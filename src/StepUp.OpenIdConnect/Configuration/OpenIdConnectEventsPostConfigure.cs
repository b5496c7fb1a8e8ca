using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using StepUp.AspNetCore;
using StepUp.OpenIdConnect.Challenges;
using StepUp.OpenIdConnect.Diagnostics;
using StepUp.OpenIdConnect.Metadata;

namespace StepUp.OpenIdConnect.Configuration;

/// <summary>
/// Hooks StepUp into the app's OpenID Connect scheme (that scheme only): wraps — never replaces — the app's
/// <c>OnRedirectToIdentityProvider</c>, <c>OnMessageReceived</c>, <c>OnTokenValidated</c>, <c>OnAccessDenied</c> and
/// <c>OnRemoteFailure</c>; for B2C wraps the configuration manager so a step-up uses the MFA policy's metadata; and keeps the
/// claims StepUp reads (<c>acr</c>, <c>amr</c>, <c>auth_time</c>, <c>tfp</c>) in the session.
/// </summary>
internal sealed class OpenIdConnectEventsPostConfigure(
    IOptionsMonitor<OpenIdConnectRedirectOptions> redirect,
    IDataProtectionProvider dataProtection,
    IHttpContextAccessor accessor,
    DirectoryCallbacks callbacks,
    ILogger<OpenIdConnectEventsPostConfigure> logger) : IPostConfigureOptions<OpenIdConnectOptions>
{
    private static readonly string[] KeptClaims =
    [
        StepUpClaimTypes.AuthenticationContextClass, StepUpClaimTypes.AuthenticationMethod, StepUpClaimTypes.AuthTime, StepUpClaimTypes.TrustFrameworkPolicy,
        "http://schemas.microsoft.com/claims/authnclassreference", "http://schemas.microsoft.com/claims/authnmethodsreferences",
    ];

    public void PostConfigure(string? name, OpenIdConnectOptions options)
    {
        var current = redirect.CurrentValue;
        if (!string.Equals(name, current.Scheme, StringComparison.Ordinal))
        {
            return;
        }

        // The framework's own defaults (backchannel, configuration manager, data formats) must exist before they are
        // wrapped, whichever of AddOpenIdConnect and AddOpenIdConnectRedirect was called first; it is idempotent.
        new OpenIdConnectPostConfigureOptions(dataProtection).PostConfigure(current.Scheme, options);

        // The framework deletes "acr" from the identity by default; StepUp needs it (and amr, auth_time, tfp) in the session.
        foreach (var type in KeptClaims)
        {
            options.ClaimActions.Remove(type);
        }

        if (current.Dialect == DirectoryDialect.AzureAdB2C && options.ConfigurationManager is not PolicyConfigurationManager)
        {
            options.ConfigurationManager = WrapConfigurationManager(current.Scheme, options, current);
        }

        WrapEvents(options.Events ??= new OpenIdConnectEvents());
    }

    private PolicyConfigurationManager WrapConfigurationManager(string name, OpenIdConnectOptions options, OpenIdConnectRedirectOptions current)
    {
        var inner = options.ConfigurationManager ?? throw new InvalidOperationException(
            $"The OpenID Connect scheme '{name}' has no Authority or MetadataAddress: StepUp:OpenIdConnect needs one to find the MFA policy's metadata.");
        var metadata = options.MetadataAddress ?? throw new InvalidOperationException(
            $"StepUp:OpenIdConnect:Dialect AzureAdB2C needs the Authority or MetadataAddress of scheme '{name}' to derive the MFA policy's metadata.");
        var signInPolicy = current.SignInPolicy ?? B2CPolicyAddress.FindPolicy(metadata) ?? throw new InvalidOperationException(
            $"StepUp:OpenIdConnect:SignInPolicy is not set and the metadata address of scheme '{name}' names no B2C policy (a segment or p= value starting with B2C_1): set SignInPolicy.");
        var policy = current.MfaPolicy!;
        var address = B2CPolicyAddress.Rewrite(metadata, signInPolicy, policy) ?? throw new InvalidOperationException(
            $"StepUp:OpenIdConnect:SignInPolicy '{signInPolicy}' does not appear in the metadata address of scheme '{name}'.");

        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            address,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(options.Backchannel) { RequireHttps = options.RequireHttpsMetadata })
        {
            RefreshInterval = options.RefreshInterval,
            AutomaticRefreshInterval = options.AutomaticRefreshInterval,
        };
        logger.PolicyMetadataCreated(policy);
        var policies = new Dictionary<string, IConfigurationManager<OpenIdConnectConfiguration>>(StringComparer.OrdinalIgnoreCase) { [policy] = manager };
        return new PolicyConfigurationManager(inner, policies, accessor);
    }

    private void WrapEvents(OpenIdConnectEvents events)
    {
        var appRedirect = events.OnRedirectToIdentityProvider;
        events.OnRedirectToIdentityProvider = async context =>
        {
            await appRedirect(context).ConfigureAwait(false);
            if (!context.Handled && OpenIdConnectRedirectProperties.IsStepUp(context.Properties))
            {
                await callbacks.RedirectToIdentityProviderAsync(context).ConfigureAwait(false);
            }
        };

        var appMessage = events.OnMessageReceived;
        events.OnMessageReceived = context =>
        {
            DirectoryCallbacks.MessageReceived(context);
            return appMessage(context);
        };

        var appTokenValidated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            // StepUp's check comes first: a token that does not prove MFA never reaches the app's handler as a success.
            var stepUp = OpenIdConnectRedirectProperties.IsStepUp(context.Properties);
            if (stepUp && !await callbacks.TokenValidatedAsync(context).ConfigureAwait(false))
            {
                return;
            }

            await appTokenValidated(context).ConfigureAwait(false);
            if (stepUp && context.Result is null)
            {
                callbacks.MarkAccepted(context);
            }
        };

        var appAccessDenied = events.OnAccessDenied;
        events.OnAccessDenied = async context =>
        {
            await appAccessDenied(context).ConfigureAwait(false);
            if (context.Result is null && OpenIdConnectRedirectProperties.IsStepUp(context.Properties))
            {
                await callbacks.AccessDeniedAsync(context).ConfigureAwait(false);
            }
        };

        var appRemoteFailure = events.OnRemoteFailure;
        events.OnRemoteFailure = async context =>
        {
            await appRemoteFailure(context).ConfigureAwait(false);
            if (context.Result is null && OpenIdConnectRedirectProperties.IsStepUp(context.Properties))
            {
                await callbacks.RemoteFailureAsync(context).ConfigureAwait(false);
            }
        };
    }
}

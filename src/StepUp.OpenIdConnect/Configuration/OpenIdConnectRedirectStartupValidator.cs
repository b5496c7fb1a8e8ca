using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StepUp.OpenIdConnect.Configuration;

/// <summary>
/// Stops the app at start-up when the redirect mode cannot work: the scheme is missing or is not OpenID Connect, or it uses
/// <c>EventsType</c> (whose events StepUp cannot wrap). Building the scheme's options here also surfaces metadata-address
/// problems now rather than at the first step-up.
/// </summary>
internal sealed class OpenIdConnectRedirectStartupValidator : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var services = app.ApplicationServices;
        var redirect = services.GetRequiredService<IOptions<OpenIdConnectRedirectOptions>>().Value;
        var key = OpenIdConnectRedirectDefaults.ConfigurationSection + ":" + nameof(OpenIdConnectRedirectOptions.Scheme);

        // The scheme provider answers from memory; its tasks complete synchronously.
        var scheme = services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(redirect.Scheme).GetAwaiter().GetResult();
        if (scheme is null || !typeof(OpenIdConnectHandler).IsAssignableFrom(scheme.HandlerType))
        {
            throw new InvalidOperationException(
                $"{key} is '{redirect.Scheme}' but no OpenID Connect scheme has that name: call AddOpenIdConnect(\"{redirect.Scheme}\", …) or pass its name to AddOpenIdConnectRedirect().");
        }

        var oidc = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(redirect.Scheme);
        if (oidc.EventsType is not null)
        {
            throw new InvalidOperationException(
                $"The OpenID Connect scheme '{redirect.Scheme}' sets EventsType, whose events StepUp cannot wrap: set OpenIdConnectOptions.Events instead.");
        }

        next(app);
    };
}

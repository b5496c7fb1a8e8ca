using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using StepUp.AspNetCore;
using StepUp.DevelopmentDirectory;

namespace InsuranceApp.Sites;

/// <summary>
/// Builds one insurance application from its configuration section <c>Sites:{name}</c>: its own client id, session cookie,
/// Data Protection keys and StepUp. Whether it needs phone MFA, and in which mode, is configuration only
/// (<c>RequirePhoneMfa</c>, <c>StepUp:Mode</c>).
/// </summary>
public static class InsuranceSite
{
    /// <summary>Configures <paramref name="builder"/> as the site <paramref name="name"/> and builds it.</summary>
    public static WebApplication Build(string name, WebApplicationBuilder builder, DevelopmentDirectory? directory, InsuranceSites sites)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection($"Sites:{name}");
        var site = section.Get<InsuranceSiteOptions>() ?? throw new InvalidOperationException($"Sites:{name} is missing from the configuration.");
        var key = name.ToLowerInvariant();
        builder.WebHost.UseUrls(site.Urls);
        builder.Services.AddSingleton(site);
        builder.Services.AddSingleton(sites);

        // Two applications on one host name: cookies are per host, not per port, so every cookie gets the site's name.
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o => o.Cookie.Name = $"{key}.session")
            .AddOpenIdConnect(o =>
            {
                o.Authority = builder.Configuration["Directory:Authority"];
                o.ClientId = site.ClientId;
                o.ClientSecret = site.ClientSecret;
                o.ResponseType = "code";
                o.SaveTokens = true; // id_token_hint at sign-out
                o.TokenValidationParameters.NameClaimType = "name";
            });
        if (directory is not null)
        {
            builder.Services.AddDevelopmentDirectoryClient(directory, OpenIdConnectDefaults.AuthenticationScheme, site.SignInPolicy);
        }

        builder.Services.AddAntiforgery(o => o.Cookie.Name = $"{key}.antiforgery");
        builder.Services.AddDataProtection().SetApplicationName($"InsuranceApp.{name}");
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Account");
            if (site.RequirePhoneMfa)
            {
                o.Conventions.RequirePhoneMfaForFolder("/");
            }
        });

        var stepUp = builder.Services.AddStepUp(section.GetSection(StepUpDefaults.ConfigurationSection))
            .AddRedisStore(o => o.KeyPrefix = $"insurance:{key}:")
            .AddOpenIdConnectRedirect(OpenIdConnectDefaults.AuthenticationScheme, section.GetSection("StepUp:OpenIdConnect"));
        if (builder.Environment.IsDevelopment())
        {
            stepUp.AddDevelopmentOutbox();
        }

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapStepUp();
        return app;
    }
}

using BankingApp.Api;
using BankingApp.Banking;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using StepUp.AspNetCore;
using StepUp.DevelopmentDirectory;

var builder = WebApplication.CreateBuilder(args);

// Sign-in goes through the directory at Directory:Authority (an Azure AD B2C policy or any OpenID Connect provider).
var authority = builder.Configuration["Directory:Authority"];
builder.Services.AddAuthentication(options =>
    {
        options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
    })
    .AddCookie(options => options.Cookie.Name = "bank.session")
    .AddOpenIdConnect(options =>
    {
        options.Authority = authority;
        options.ClientId = builder.Configuration["Directory:ClientId"];
        options.ClientSecret = builder.Configuration["Directory:ClientSecret"];
        options.ResponseType = "code";
        options.SaveTokens = true; // the id token goes back to the directory as id_token_hint at sign-out
        options.TokenValidationParameters.NameClaimType = "name";
        options.Events.OnRedirectToIdentityProvider = ApiSignInChallenge.AnswerApiCallsWith401;
    });
if (string.IsNullOrEmpty(authority))
{
    // None configured: in Development, the development directory runs in this process (DevelopmentDirectory:Origin, loopback).
    builder.AddDevelopmentDirectory(OpenIdConnectDefaults.AuthenticationScheme, builder.Configuration["DevelopmentDirectory:SignInPolicy"]!);
}

builder.Services.AddAuthorization();
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/");
    options.Conventions.AllowAnonymousToFolder("/Account");
    options.Conventions.RequirePhoneMfaForFolder("/Security");
});
builder.Services.AddAntiforgery(options => options.Cookie.Name = "bank.antiforgery");

// ConnectionStrings:Redis set: StepUp's state, the ledger and the Data Protection keys in Redis, so several instances agree.
// Not set (a fresh machine, Development): all in memory.
var stepUp = builder.Services.AddStepUp(builder.Configuration.GetSection(StepUpDefaults.ConfigurationSection))
    .AddRedisStore()
    .PersistDataProtectionKeys();
builder.Services.AddDataProtection().SetApplicationName("BankingApp");
if (builder.Environment.IsDevelopment())
{
    stepUp.AddDevelopmentOutbox();
}

builder.Services.AddLedger(builder.Configuration);

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
app.MapTransferApi();

app.Run();

/// <summary>The sample's entry point (public for the tests' WebApplicationFactory).</summary>
public partial class Program;

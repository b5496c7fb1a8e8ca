using BankingApp.Api;
using BankingApp.Banking;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using StepUp.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.LoginPath = "/Account/SignIn";
        options.Cookie.Name = "bank.session";
    });
builder.Services.AddAuthorization();
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/");
    options.Conventions.AllowAnonymousToFolder("/Account");
    options.Conventions.RequirePhoneMfaForFolder("/Security");
});

// ConnectionStrings:Redis set: state and Data Protection keys in Redis, so several instances agree.
// Not set (a fresh machine, Development): the in-memory store.
var stepUp = builder.Services.AddStepUp(builder.Configuration.GetSection(StepUpDefaults.ConfigurationSection))
    .AddRedisStore()
    .PersistDataProtectionKeys();
builder.Services.AddDataProtection().SetApplicationName("BankingApp");
if (builder.Environment.IsDevelopment())
{
    stepUp.AddDevelopmentOutbox();
}

builder.Services.AddSingleton<Ledger>();
builder.Services.AddHostedService<DemoUsers>();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapRazorPages();
app.MapStepUp();
app.MapTransferApi();
if (app.Environment.IsDevelopment())
{
    app.MapDevelopmentSignInApi();
}

app.Run();

/// <summary>The sample's entry point (public for the tests' WebApplicationFactory).</summary>
public partial class Program;

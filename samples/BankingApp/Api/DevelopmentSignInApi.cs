using System.Security.Claims;
using BankingApp.Banking;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BankingApp.Api;

/// <summary>Body of <c>POST /dev/api/sign-in</c>.</summary>
public sealed record DevelopmentSignInRequest(string? User);

/// <summary>A development-only sign-in for the curl walk-through (mapped only in Development).</summary>
public static class DevelopmentSignInApi
{
    /// <summary>Maps <c>POST /dev/api/sign-in</c> with <c>{"user":"alice"}</c>: sets the session cookie.</summary>
    public static void MapDevelopmentSignInApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/dev/api/sign-in", async (HttpContext context, DevelopmentSignInRequest body) =>
        {
            var user = DemoUsers.All.FirstOrDefault(u => u.Id == body.User);
            if (user.Id is null)
            {
                return Results.Problem(title: "Unknown demo user", detail: "Use \"alice\" or \"bob\".", statusCode: StatusCodes.Status400BadRequest);
            }

            await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Name)],
                CookieAuthenticationDefaults.AuthenticationScheme)));
            return Results.NoContent();
        });
}

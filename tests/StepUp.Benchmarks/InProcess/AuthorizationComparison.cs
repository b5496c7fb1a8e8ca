using System.Globalization;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Store;
using StepUp.Benchmarks.Hosting;

namespace StepUp.Benchmarks.InProcess;

/// <summary>
/// The authorization step of section 2 alone (BenchmarkDotNet): <c>IAuthorizationService.AuthorizeAsync</c> with a
/// "signed-in user" policy vs the same policy plus a <see cref="PhoneMfaRequirement"/> satisfied by a live grant, for a
/// principal shaped like StepUp's re-issued cookie. Run over the in-memory store and, when a server is given, the Redis store:
/// it separates the handler's own cost from the store round trip's.
/// </summary>
[MemoryDiagnoser]
public class AuthorizationComparison : IDisposable
{
    private const string UserId = "bench-user";
    private const string SessionId = "bench-session";

    private ServiceProvider? _services;
    private IAuthorizationService? _authorization;
    private ClaimsPrincipal? _user;
    private DefaultHttpContext? _httpContext;
    private AuthorizationPolicy? _signedIn;
    private AuthorizationPolicy? _phoneMfa;

    /// <summary>The Redis server (<c>host:port</c>) for the <c>redis</c> case; set by the runner before the run.</summary>
    public static string? RedisServer { get; set; }

    /// <summary>The stores measured: <c>in-memory</c>, and <c>redis</c> when <see cref="RedisServer"/> is set.</summary>
    public static IEnumerable<string> Stores => RedisServer is null ? ["in-memory"] : ["in-memory", "redis"];

    /// <summary>The store of this case.</summary>
    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "in-memory";

    /// <summary>Builds StepUp's services and records a live grant for the principal's session.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IHostEnvironment>(new BenchmarkHostEnvironment());
        services.AddStepUp(options => options.DefaultMaxAge = TimeSpan.FromHours(1)).UseStore(Store == "redis" ? RedisServer : null).AddDevelopmentOutbox();
        _services = services.BuildServiceProvider();
        _authorization = _services.GetRequiredService<IAuthorizationService>();

        var now = DateTimeOffset.UtcNow;
        _services.GetRequiredService<IStepUpStore>()
            .SaveGrantAsync(new StepUpGrant(UserId, SessionId, null, PhoneChannel.Sms, now, now.AddHours(12))).GetAwaiter().GetResult();
        _user = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, UserId),
                new Claim(ClaimTypes.Name, UserId),
                new Claim(StepUpClaimTypes.SessionId, SessionId, ClaimValueTypes.String, "StepUp"),
                new Claim(StepUpClaimTypes.AuthenticationMethod, "mfa", ClaimValueTypes.String, "StepUp"),
                new Claim(StepUpClaimTypes.AuthenticationMethod, "sms", ClaimValueTypes.String, "StepUp"),
                new Claim(StepUpClaimTypes.StepUpTime, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64, "StepUp"),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));
        _httpContext = new DefaultHttpContext { RequestServices = _services, User = _user };
        _signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        _phoneMfa = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PhoneMfaRequirement()).Build();
        if (!RequirePhoneMfa().GetAwaiter().GetResult().Succeeded)
        {
            throw new InvalidOperationException("Benchmark setup failed: the live grant does not satisfy the requirement.");
        }
    }

    /// <summary><c>.RequireAuthorization()</c>: a signed-in user.</summary>
    [Benchmark(Baseline = true, Description = "AuthorizeAsync: signed-in user")]
    public Task<AuthorizationResult> RequireAuthorization() => _authorization!.AuthorizeAsync(_user!, _httpContext, _signedIn!);

    /// <summary><c>.RequireAuthorization().RequirePhoneMfa()</c> with a live grant.</summary>
    [Benchmark(Description = "AuthorizeAsync: signed-in user + PhoneMfaRequirement (live grant)")]
    public Task<AuthorizationResult> RequirePhoneMfa() => _authorization!.AuthorizeAsync(_user!, _httpContext, _phoneMfa!);

    /// <inheritdoc />
    public void Dispose()
    {
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class BenchmarkHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "StepUp.Benchmarks";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}

using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Identity;
using StepUp.Benchmarks.Verification;

namespace StepUp.Benchmarks.InProcess;

/// <summary>
/// Section 4 (BenchmarkDotNet): checking a right phone code with ASP.NET Core Identity
/// (<c>UserManager.VerifyTwoFactorTokenAsync</c>, <see cref="PhoneNumberTokenProvider{TUser}"/>, in-memory user store) vs
/// StepUp's check path (<c>PhoneVerificationService.VerifyAsync</c>, in-memory store). Identity's TOTP code can be checked
/// again and again (it is not consumed); a StepUp code is consumed by its check, so each iteration first starts
/// <see cref="ChecksPerIteration"/> fresh codes (not measured).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(ChecksPerIteration)]
public class CodeCheckComparison : IDisposable
{
    /// <summary>Checks per measured iteration.</summary>
    public const int ChecksPerIteration = 8192;

    private ServiceProvider? _identityServices;
    private IServiceScope? _identityScope;
    private UserManager<BenchmarkUser>? _userManager;
    private BenchmarkUser? _identityUser;
    private string? _identityCode;

    private VerificationHost? _stepUp;
    private string[] _users = [];
    private readonly string[] _challengeIds = new string[ChecksPerIteration];
    private readonly string[] _codes = new string[ChecksPerIteration];
    private int _next;

    /// <summary>Builds both sides and checks that each accepts its right code.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddIdentityCore<BenchmarkUser>().AddTokenProvider<PhoneNumberTokenProvider<BenchmarkUser>>(TokenOptions.DefaultPhoneProvider);
        services.AddSingleton<IUserStore<BenchmarkUser>, InMemoryUserStore>();
        _identityServices = services.BuildServiceProvider();
        _identityScope = _identityServices.CreateScope();
        _userManager = _identityScope.ServiceProvider.GetRequiredService<UserManager<BenchmarkUser>>();
        _identityUser = new BenchmarkUser { Id = "identity-user", UserName = "identity-user", PhoneNumber = "+31612345678", PhoneNumberConfirmed = true };
        Check(_userManager.CreateAsync(_identityUser).GetAwaiter().GetResult().Succeeded, "Identity user creation");
        _identityCode = _userManager.GenerateTwoFactorTokenAsync(_identityUser, TokenOptions.DefaultPhoneProvider).GetAwaiter().GetResult();
        Check(IdentityVerifyTwoFactorToken().GetAwaiter().GetResult(), "Identity accepts its own code");

        _stepUp = VerificationHost.Create(redis: null);
        _users = [.. Enumerable.Range(0, ChecksPerIteration).Select(i => "stepup-user-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        _stepUp.AttachPhonesAsync(_users).GetAwaiter().GetResult();
        StartCodes();
        Check(StepUpVerifyCode().GetAwaiter().GetResult(), "StepUp accepts its own code");
    }

    /// <summary>Starts a fresh code for every user of the next iteration (not measured).</summary>
    [IterationSetup(Target = nameof(StepUpVerifyCode))]
    public void StartCodes()
    {
        for (var i = 0; i < _users.Length; i++)
        {
            (_challengeIds[i], _codes[i]) = _stepUp!.StartAsync(_users[i]).GetAwaiter().GetResult();
        }

        _next = 0;
    }

    /// <summary>Forgets the codes of the previous start-only iteration (not measured).</summary>
    [IterationSetup(Target = nameof(StepUpStartCode))]
    public void ClearCodes()
    {
        _stepUp!.Channel.Clear();
        _next = 0;
    }

    /// <summary>ASP.NET Core Identity: <c>UserManager.VerifyTwoFactorTokenAsync(user, "Phone", code)</c>.</summary>
    [Benchmark(Baseline = true, Description = "Identity VerifyTwoFactorTokenAsync (Phone)")]
    public Task<bool> IdentityVerifyTwoFactorToken() =>
        _userManager!.VerifyTwoFactorTokenAsync(_identityUser!, TokenOptions.DefaultPhoneProvider, _identityCode!);

    /// <summary>StepUp: <c>PhoneVerificationService.VerifyAsync</c> with the right code (consumes it, re-attaches the phone).</summary>
    [Benchmark(Description = "StepUp PhoneVerificationService.VerifyAsync")]
    public Task<bool> StepUpVerifyCode()
    {
        var i = _next++ % ChecksPerIteration;
        return _stepUp!.CheckAsync(_users[i], _challengeIds[i], _codes[i]);
    }

    /// <summary>StepUp: <c>PhoneVerificationService.StartAsync</c> (for context: the engine's own cost of sending a code).</summary>
    [Benchmark(Description = "StepUp PhoneVerificationService.StartAsync")]
    public Task<bool> StepUpStartCode() => _stepUp!.StartOnlyAsync(_users[_next++ % ChecksPerIteration]);

    /// <inheritdoc />
    public void Dispose()
    {
        _identityScope?.Dispose();
        _identityServices?.Dispose();
        _stepUp?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark setup failed: " + what);
        }
    }
}

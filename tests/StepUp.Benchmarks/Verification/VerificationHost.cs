using System.Net;
using Microsoft.Extensions.Hosting;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.AspNetCore.Store;
using StepUp.AspNetCore.Verification;
using StepUp.Benchmarks.Hosting;

namespace StepUp.Benchmarks.Verification;

/// <summary>
/// StepUp's verification engine in-process (no HTTP): <see cref="PhoneVerificationService"/> over the chosen store, with
/// a <see cref="CapturingPhoneChannel"/> and send limits raised so one user can start and check codes back to back (every
/// limit is still checked and counted; only the thresholds are out of reach).
/// </summary>
public sealed class VerificationHost : IDisposable
{
    private readonly IHost _host;

    private VerificationHost(IHost host)
    {
        _host = host;
        Service = host.Services.GetRequiredService<PhoneVerificationService>();
        Store = host.Services.GetRequiredService<IStepUpStore>();
        Channel = host.Services.GetRequiredService<CapturingPhoneChannel>();
    }

    /// <summary>The verification engine.</summary>
    public PhoneVerificationService Service { get; }

    /// <summary>The store under it.</summary>
    public IStepUpStore Store { get; }

    /// <summary>Where the codes go.</summary>
    public CapturingPhoneChannel Channel { get; }

    /// <summary>Redis operations the store's multiplexer has sent so far (0 without Redis).</summary>
    public long RoundTrips => StepUpStoreSelection.RoundTrips(_host.Services);

    /// <summary>Builds the host (not started: nothing in it needs to run in the background).</summary>
    public static VerificationHost Create(string? redis)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Development,
            ApplicationName = typeof(VerificationHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);

        // No web host here, so the MVC services AddStepUp registers for its pages cannot all be built: skip build-time validation.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true }));
        builder.Services.AddSingleton<CapturingPhoneChannel>();
        builder.Services
            .AddStepUp(options =>
            {
                options.MaxSendsPerUser = int.MaxValue;
                options.MaxSendsPerPhoneNumber = int.MaxValue;
                options.MaxSendsPerClientAddress = int.MaxValue;
                options.ResendCooldown = TimeSpan.Zero;
                options.MaxResendCooldown = TimeSpan.Zero;
            })
            .UseStore(redis);
        builder.Services.AddSingleton<IPhoneChannel>(sp => sp.GetRequiredService<CapturingPhoneChannel>());
        return new VerificationHost(builder.Build());
    }

    /// <summary>Attaches a verified phone to each user, so that their challenges are step-ups of that number.</summary>
    public async Task AttachPhonesAsync(IReadOnlyList<string> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        for (var i = 0; i < users.Count; i++)
        {
            var phone = "+316" + (10000000 + (i % 89999999)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Store.SetVerifiedPhoneAsync(users[i], new VerifiedPhone(phone, DateTimeOffset.UtcNow, PhoneChannel.Sms)).ConfigureAwait(false);
        }
    }

    /// <summary>Starts a step-up code for <paramref name="user"/> (as the JSON API does: client address and origin set).</summary>
    public async Task<(string ChallengeId, string Code)> StartAsync(string user)
    {
        var started = await Service.StartAsync(new StartVerificationRequest
        {
            UserId = user,
            Purpose = ChallengePurpose.StepUp,
            Channel = PhoneChannel.Sms,
            ClientAddress = IPAddress.Loopback,
            Origin = "bench.example",
            Culture = System.Globalization.CultureInfo.InvariantCulture,
        }).ConfigureAwait(false);
        if (started.Status != StartVerificationStatus.Sent)
        {
            throw new InvalidOperationException($"Start failed: {started.Status} ({started.Message})");
        }

        return (started.ChallengeId!, Channel.Take(started.ChallengeId!));
    }

    /// <summary>Starts a step-up code for <paramref name="user"/> and leaves the code in the channel (for start-only measurements).</summary>
    public async Task<bool> StartOnlyAsync(string user)
    {
        var started = await Service.StartAsync(new StartVerificationRequest
        {
            UserId = user,
            Purpose = ChallengePurpose.StepUp,
            Channel = PhoneChannel.Sms,
            ClientAddress = IPAddress.Loopback,
            Origin = "bench.example",
            Culture = System.Globalization.CultureInfo.InvariantCulture,
        }).ConfigureAwait(false);
        return started.Status == StartVerificationStatus.Sent;
    }

    /// <summary>Checks <paramref name="code"/> and returns whether it was accepted.</summary>
    public async Task<bool> CheckAsync(string user, string challengeId, string code)
    {
        var result = await Service.VerifyAsync(new VerifyCodeRequest { UserId = user, ChallengeId = challengeId, Code = code }).ConfigureAwait(false);
        return result.Succeeded;
    }

    /// <inheritdoc />
    public void Dispose() => _host.Dispose();
}

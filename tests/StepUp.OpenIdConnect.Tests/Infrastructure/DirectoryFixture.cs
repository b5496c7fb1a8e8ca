using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using StepUp.DevelopmentDirectory;

[assembly: AssemblyFixture(typeof(StepUp.OpenIdConnect.Tests.Infrastructure.DirectoryFixture))]

namespace StepUp.OpenIdConnect.Tests.Infrastructure;

/// <summary>
/// One development directory for the whole test run (Kestrel on 127.0.0.1, a free port). Each test makes its own accounts
/// and phone numbers, so tests never share state; send limits are raised because every test calls from 127.0.0.1.
/// </summary>
public sealed class DirectoryFixture : IAsyncLifetime
{
    public const string Password = "Correct-horse-1";

    private DevelopmentDirectory.DevelopmentDirectory? _directory;

    public DevelopmentDirectory.DevelopmentDirectory Directory => _directory ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _directory = await StartDirectoryAsync();

    public async ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            await _directory.DisposeAsync();
        }
    }

    /// <summary>Starts a directory with test-friendly limits (and <paramref name="configure"/> on top).</summary>
    public static Task<DevelopmentDirectory.DevelopmentDirectory> StartDirectoryAsync(Action<DevelopmentDirectoryOptions>? configure = null) =>
        DevelopmentDirectory.DevelopmentDirectory.StartAsync(o =>
        {
            o.ConfigureStepUp = s =>
            {
                s.ResendCooldown = TimeSpan.Zero;
                s.MaxSendsPerClientAddress = 10_000;
                s.MaxSendsPerUser = 100;
            };
            if (Environment.GetEnvironmentVariable("STEPUP_TEST_LOGS") == "1")
            {
                o.ConfigureLogging = l => l.AddSimpleConsole(c => c.SingleLine = true);
            }

            configure?.Invoke(o);
        });

    /// <summary>A new local account, with a verified phone when <paramref name="withPhone"/>.</summary>
    public static async Task<TestAccount> NewAccountAsync(DevelopmentDirectory.DevelopmentDirectory directory, bool withPhone)
    {
        var userName = "user" + RandomNumberGenerator.GetHexString(10, lowercase: true);
        var phone = NewPhoneNumber();
        var id = await directory.AddAccountAsync(new DirectoryAccount
        {
            UserName = userName,
            Password = Password,
            DisplayName = "Test " + userName,
            PhoneNumber = withPhone ? phone : null,
        });
        return new TestAccount(id, userName, phone);
    }

    /// <summary>A random valid Dutch mobile number in the 06-1 range (E.164).</summary>
    public static string NewPhoneNumber() => "+3161" + RandomNumberGenerator.GetInt32(1_000_000, 9_999_999);
}

/// <summary>An account made for one test.</summary>
/// <param name="Id">Its object id.</param>
/// <param name="UserName">Its sign-in name.</param>
/// <param name="PhoneNumber">Its phone (attached or not).</param>
public sealed record TestAccount(string Id, string UserName, string PhoneNumber);

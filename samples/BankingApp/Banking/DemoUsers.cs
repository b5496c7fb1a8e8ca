using StepUp.AspNetCore;
using StepUp.AspNetCore.Store;

namespace BankingApp.Banking;

/// <summary>
/// The demo users of the development sign-in: Alice has a verified phone attached; Bob has none and enrols one at his first
/// transfer. Seeded in Development only.
/// </summary>
public sealed class DemoUsers(IStepUpStore store, IHostEnvironment environment, TimeProvider time) : IHostedService
{
    /// <summary>The demo users: id, display name, attached phone (E.164) or none.</summary>
    public static readonly IReadOnlyList<(string Id, string Name, string? Phone)> All =
    [
        ("alice", "Alice de Vries", "+31612345634"),
        ("bob", "Bob Jansen", null),
    ];

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return;
        }

        foreach (var (id, _, phone) in All)
        {
            if (phone is not null && await store.GetVerifiedPhoneAsync(id, cancellationToken) is null)
            {
                await store.SetVerifiedPhoneAsync(id, new VerifiedPhone(phone, time.GetUtcNow().AddDays(-90), PhoneChannel.Sms), cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

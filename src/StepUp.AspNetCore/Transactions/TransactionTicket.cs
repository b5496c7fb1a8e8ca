using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace StepUp.AspNetCore.Transactions;

/// <summary>
/// Carries a <see cref="StepUpTransaction"/> from the protected endpoint to the step-up page and JSON API: protected with
/// Data Protection, valid 15 minutes by the app's clock, bound to the user, so it cannot be forged, altered or used by someone else.
/// </summary>
internal sealed class TransactionTicket(IDataProtectionProvider dataProtection, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly IDataProtector _protector = dataProtection.CreateProtector("StepUp.AspNetCore.Transactions.TransactionTicket", "v1");

    public string Protect(string userId, StepUpTransaction transaction) =>
        _protector.Protect(JsonSerializer.Serialize(new Payload(userId, transaction.Description, transaction.Digest, time.GetUtcNow() + Lifetime)));

    /// <summary>The transaction in <paramref name="ticket"/> when it is genuine, unexpired and issued to <paramref name="userId"/>.</summary>
    public StepUpTransaction? Unprotect(string? ticket, string userId)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 4096)
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(ticket));
            return payload is not null && payload.UserId == userId && payload.ExpiresAt > time.GetUtcNow()
                ? StepUpTransaction.FromDigest(payload.Description, payload.Digest)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Payload(string UserId, string Description, string Digest, DateTimeOffset ExpiresAt);
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace StepUp.Benchmarks.InProcess;

/// <summary>
/// The smallest Identity user store that <see cref="PhoneNumberTokenProvider{TUser}"/> needs: users by id, phone numbers and
/// security stamps, in memory, so the Identity side costs no I/O (as StepUp's in-memory store on the other side).
/// </summary>
public sealed class InMemoryUserStore : IUserPhoneNumberStore<BenchmarkUser>, IUserSecurityStampStore<BenchmarkUser>
{
    private readonly ConcurrentDictionary<string, BenchmarkUser> _users = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IdentityResult> CreateAsync(BenchmarkUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(_users.TryAdd(user.Id, user) ? IdentityResult.Success : IdentityResult.Failed(new IdentityError { Description = "Duplicate id." }));
    }

    /// <inheritdoc />
    public Task<IdentityResult> UpdateAsync(BenchmarkUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        _users[user.Id] = user;
        return Task.FromResult(IdentityResult.Success);
    }

    /// <inheritdoc />
    public Task<IdentityResult> DeleteAsync(BenchmarkUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        _users.TryRemove(user.Id, out _);
        return Task.FromResult(IdentityResult.Success);
    }

    /// <inheritdoc />
    public Task<BenchmarkUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(_users.GetValueOrDefault(userId));

    /// <inheritdoc />
    public Task<BenchmarkUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        Task.FromResult(_users.Values.FirstOrDefault(u => u.NormalizedUserName == normalizedUserName));

    /// <inheritdoc />
    public Task<string> GetUserIdAsync(BenchmarkUser user, CancellationToken cancellationToken) => Task.FromResult(Required(user).Id);

    /// <inheritdoc />
    public Task<string?> GetUserNameAsync(BenchmarkUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(Required(user).UserName);

    /// <inheritdoc />
    public Task SetUserNameAsync(BenchmarkUser user, string? userName, CancellationToken cancellationToken)
    {
        Required(user).UserName = userName ?? string.Empty;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetNormalizedUserNameAsync(BenchmarkUser user, CancellationToken cancellationToken) => Task.FromResult(Required(user).NormalizedUserName);

    /// <inheritdoc />
    public Task SetNormalizedUserNameAsync(BenchmarkUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        Required(user).NormalizedUserName = normalizedName;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SetPhoneNumberAsync(BenchmarkUser user, string? phoneNumber, CancellationToken cancellationToken)
    {
        Required(user).PhoneNumber = phoneNumber;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetPhoneNumberAsync(BenchmarkUser user, CancellationToken cancellationToken) => Task.FromResult(Required(user).PhoneNumber);

    /// <inheritdoc />
    public Task<bool> GetPhoneNumberConfirmedAsync(BenchmarkUser user, CancellationToken cancellationToken) => Task.FromResult(Required(user).PhoneNumberConfirmed);

    /// <inheritdoc />
    public Task SetPhoneNumberConfirmedAsync(BenchmarkUser user, bool confirmed, CancellationToken cancellationToken)
    {
        Required(user).PhoneNumberConfirmed = confirmed;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SetSecurityStampAsync(BenchmarkUser user, string stamp, CancellationToken cancellationToken)
    {
        Required(user).SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetSecurityStampAsync(BenchmarkUser user, CancellationToken cancellationToken) => Task.FromResult(Required(user).SecurityStamp);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static BenchmarkUser Required(BenchmarkUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user;
    }
}

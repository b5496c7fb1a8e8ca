using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace StepUp.DevelopmentDirectory.Accounts;

/// <summary>The directory's accounts, in memory. Passwords are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>.</summary>
internal sealed class DirectoryUserStore
{
    public const string SocialProvider = "social.example";
    public const string SocialUserId = "5c1a0000-0000-4000-8000-000000000003";

    private readonly ConcurrentDictionary<string, DirectoryUser> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DirectoryUser> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly PasswordHasher<DirectoryUser> _hasher = new();

    public DirectoryUserStore(DevelopmentDirectoryOptions options)
    {
        var social = new DirectoryUser { Id = SocialUserId, UserName = "social:sam", DisplayName = options.SocialDisplayName, IdentityProvider = SocialProvider };
        _byId[social.Id] = social;
    }

    public DirectoryUser? Find(string id) => _byId.GetValueOrDefault(id);

    public DirectoryUser? FindByUserName(string userName) => _byName.GetValueOrDefault(userName.Trim());

    public DirectoryUser SocialUser => _byId[SocialUserId];

    /// <summary>Creates a local account; <see langword="null"/> when the name is taken.</summary>
    public DirectoryUser? Create(string userName, string password, string displayName, string? id = null)
    {
        var user = new DirectoryUser { Id = id ?? Guid.NewGuid().ToString(), UserName = userName.Trim(), DisplayName = displayName.Trim() };
        user.PasswordHash = _hasher.HashPassword(user, password);
        if (!_byName.TryAdd(user.UserName, user))
        {
            return null;
        }

        _byId[user.Id] = user;
        return user;
    }

    /// <summary>The local account whose name and password match, or <see langword="null"/>.</summary>
    public DirectoryUser? CheckPassword(string userName, string password)
    {
        var user = FindByUserName(userName);
        if (user?.PasswordHash is null)
        {
            // Hash anyway so that a wrong name costs as much as a wrong password.
            _hasher.HashPassword(new DirectoryUser { Id = string.Empty, UserName = string.Empty, DisplayName = string.Empty }, password);
            return null;
        }

        return _hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    public void SetPassword(DirectoryUser user, string password) => user.PasswordHash = _hasher.HashPassword(user, password);
}

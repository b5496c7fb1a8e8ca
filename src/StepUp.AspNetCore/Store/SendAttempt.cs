namespace StepUp.AspNetCore.Store;

/// <summary>One request to send a code, as counted by <see cref="IStepUpStore.TryRecordSendAsync"/>.</summary>
/// <param name="UserId">The user asking.</param>
/// <param name="PhoneKey">An HMAC of the destination number (never the number itself).</param>
/// <param name="ClientKey">An HMAC of the client address, or <see langword="null"/> when unknown.</param>
/// <param name="Now">The caller's current time.</param>
/// <param name="Limits">The limits to apply.</param>
public sealed record SendAttempt(string UserId, string PhoneKey, string? ClientKey, DateTimeOffset Now, SendLimits Limits);

/// <summary>The send limits applied to a <see cref="SendAttempt"/>.</summary>
/// <param name="PerUser">Sends per user per window.</param>
/// <param name="PerPhoneNumber">Sends per phone number per window.</param>
/// <param name="PerClientAddress">Sends per client address per window.</param>
/// <param name="Window">The counting window (fixed, starting at the first send).</param>
/// <param name="Cooldown">Wait after the first send; doubles with each further send in the window.</param>
/// <param name="MaxCooldown">Upper bound of the wait.</param>
public sealed record SendLimits(int PerUser, int PerPhoneNumber, int PerClientAddress, TimeSpan Window, TimeSpan Cooldown, TimeSpan MaxCooldown)
{
    /// <summary>The wait required after the <paramref name="sendCount"/>-th send of a window.</summary>
    public TimeSpan CooldownAfter(int sendCount)
    {
        if (sendCount <= 0)
        {
            return TimeSpan.Zero;
        }

        var factor = Math.Pow(2, Math.Min(sendCount - 1, 20));
        var ticks = Math.Min(Cooldown.Ticks * factor, MaxCooldown.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}

/// <summary>Which limit stopped a send.</summary>
public enum SendLimitKind
{
    /// <summary>Nothing: the send was allowed.</summary>
    None = 0,

    /// <summary>The resend cooldown has not passed.</summary>
    Cooldown,

    /// <summary>The per-user limit.</summary>
    User,

    /// <summary>The per-phone-number limit.</summary>
    PhoneNumber,

    /// <summary>The per-client-address limit.</summary>
    ClientAddress,
}

/// <summary>The answer of <see cref="IStepUpStore.TryRecordSendAsync"/>.</summary>
/// <param name="Allowed">Whether the send was counted and may go ahead.</param>
/// <param name="Limit">The limit that stopped it.</param>
/// <param name="RetryAfter">When stopped, how long until a send may be allowed; when allowed, the cooldown now in force.</param>
/// <param name="UserSendCount">The user's sends in the current window, this one included when allowed.</param>
public readonly record struct SendPermit(bool Allowed, SendLimitKind Limit, TimeSpan RetryAfter, int UserSendCount);

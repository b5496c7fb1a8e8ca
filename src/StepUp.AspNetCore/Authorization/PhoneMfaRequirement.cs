using Microsoft.AspNetCore.Authorization;

namespace StepUp.AspNetCore;

/// <summary>
/// Requires a fresh phone second factor: a live in-app grant for the current session, or MFA proven by the directory's token.
/// Supplied by <see cref="RequirePhoneMfaAttribute"/> and <c>RequirePhoneMfa()</c>; handled by StepUp's authorization handler.
/// </summary>
public sealed class PhoneMfaRequirement : IAuthorizationRequirement
{
    /// <summary>Creates a requirement.</summary>
    /// <param name="maxAge">How recent the second factor must be; <see langword="null"/> for <see cref="StepUpOptions.DefaultMaxAge"/>.</param>
    /// <param name="channels">Allowed channels; <see cref="PhoneChannels.None"/> for <see cref="StepUpOptions.AllowedChannels"/>.</param>
    /// <param name="mode">How to satisfy it; <see cref="StepUpMode.Default"/> for <see cref="StepUpOptions.Mode"/>.</param>
    public PhoneMfaRequirement(TimeSpan? maxAge = null, PhoneChannels channels = PhoneChannels.None, StepUpMode mode = StepUpMode.Default)
    {
        if (maxAge is { } age && age <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAge), age, "MaxAge must be positive.");
        }

        MaxAge = maxAge;
        Channels = channels;
        Mode = mode;
    }

    /// <summary>How recent the second factor must be, or <see langword="null"/> for the app default.</summary>
    public TimeSpan? MaxAge { get; }

    /// <summary>Allowed channels, or <see cref="PhoneChannels.None"/> for the app default.</summary>
    public PhoneChannels Channels { get; }

    /// <summary>How to satisfy it, or <see cref="StepUpMode.Default"/> for the app default.</summary>
    public StepUpMode Mode { get; }

    /// <summary>The effective max age under <paramref name="options"/>.</summary>
    public TimeSpan EffectiveMaxAge(StepUpOptions options) => MaxAge ?? options.DefaultMaxAge;

    /// <summary>The effective channels under <paramref name="options"/>.</summary>
    public PhoneChannels EffectiveChannels(StepUpOptions options) => Channels == PhoneChannels.None ? options.AllowedChannels : Channels;

    /// <summary>The effective mode under <paramref name="options"/>.</summary>
    public StepUpMode EffectiveMode(StepUpOptions options) => Mode == StepUpMode.Default ? options.Mode : Mode;

    /// <inheritdoc />
    public override string ToString() =>
        $"PhoneMfaRequirement: requires a phone second factor (text or call) no older than {(MaxAge is { } a ? a.ToString() : "the default max age")}" +
        $"{(Channels == PhoneChannels.None ? string.Empty : $", channels {Channels}")}{(Mode == StepUpMode.Default ? string.Empty : $", mode {Mode}")}.";
}

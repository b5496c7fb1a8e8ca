namespace StepUp.AspNetCore;

/// <summary>A set of <see cref="PhoneChannel"/> values a requirement or an app allows.</summary>
[Flags]
#pragma warning disable CA1711 // "Channels" is the plural of the channel, not a "Flags" suffix.
public enum PhoneChannels
#pragma warning restore CA1711
{
    /// <summary>No channel; only meaningful as "not set" on an attribute.</summary>
    None = 0,

    /// <summary>Text message.</summary>
    Sms = 1,

    /// <summary>Voice call.</summary>
    Voice = 2,

    /// <summary>Text message or voice call.</summary>
    All = Sms | Voice,
}

/// <summary>Helpers for <see cref="PhoneChannels"/>.</summary>
public static class PhoneChannelsExtensions
{
    /// <summary>Whether <paramref name="channels"/> includes <paramref name="channel"/>.</summary>
    public static bool Allows(this PhoneChannels channels, PhoneChannel channel) => ((int)channels & (int)channel) != 0;
}

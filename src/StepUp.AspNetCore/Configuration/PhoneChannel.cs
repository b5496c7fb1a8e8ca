namespace StepUp.AspNetCore;

/// <summary>How a one-time code reaches the user's phone.</summary>
public enum PhoneChannel
{
    /// <summary>A text message (SMS).</summary>
    Sms = 1,

    /// <summary>A voice call that reads the code aloud.</summary>
    Voice = 2,
}

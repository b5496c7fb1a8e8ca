namespace StepUp.Vonage;

/// <summary>Who makes and checks the one-time code.</summary>
public enum VonageMode
{
    /// <summary>
    /// StepUp makes and checks the code; Vonage only delivers it: text messages by the SMS API, calls by the Voice API.
    /// Registers an <c>IPhoneChannel</c>.
    /// </summary>
    Messages = 1,

    /// <summary>
    /// Vonage Verify v2 makes, sends and checks the code. StepUp still owns grants, send limits, tries and the user's verified
    /// phone. Registers an <c>IPhoneVerificationProvider</c>.
    /// </summary>
    Verify = 2,
}

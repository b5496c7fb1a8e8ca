namespace StepUp.Vonage;

/// <summary>How StepUp authenticates to Vonage Verify v2.</summary>
public enum VonageVerifyAuthentication
{
    /// <summary>HTTP Basic with <see cref="VonageOptions.ApiKey"/> and <see cref="VonageOptions.ApiSecret"/>.</summary>
    Basic = 1,

    /// <summary>
    /// A JWT signed with the application's private key (<see cref="VonageOptions.ApplicationId"/> and
    /// <see cref="VonageOptions.PrivateKey"/> or <see cref="VonageOptions.PrivateKeyPath"/>).
    /// </summary>
    Jwt = 2,
}

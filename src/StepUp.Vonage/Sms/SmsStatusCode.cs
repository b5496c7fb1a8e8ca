namespace StepUp.Vonage.Sms;

/// <summary>
/// The per-message <c>status</c> of the SMS API (Vonage "Troubleshooting SMS" and "API Errors: SMS API"; the names follow
/// Vonage's .NET SDK). The SMS API answers HTTP 200 even when it refuses a message; this status says what happened.
/// </summary>
internal enum SmsStatusCode
{
    Success = 0,
    Throttled = 1,
    MissingParameters = 2,
    InvalidParameters = 3,
    InvalidCredentials = 4,
    InternalError = 5,
    InvalidMessage = 6,
    NumberBarred = 7,
    PartnerAccountBarred = 8,
    PartnerQuotaViolation = 9,
    TooManyExistingBinds = 10,
    AccountNotEnabledForHttp = 11,
    MessageTooLong = 12,
    InvalidSignature = 14,
    InvalidSenderAddress = 15,
    InvalidTtl = 16,
    FacilityNotAllowed = 19,
    InvalidMessageClass = 20,
    InvalidNetworkCode = 22,
    InvalidCallbackUrl = 23,
    NonWhitelistedDestination = 29,
    SignatureAndApiSecretDisallowed = 32,
    NumberDeactivated = 33,
    InvalidOrMissingMsisdn = 34,
}

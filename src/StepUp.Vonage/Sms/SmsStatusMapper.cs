using StepUp.AspNetCore.Channels;

namespace StepUp.Vonage.Sms;

/// <summary>Maps every documented SMS API status to the delivery result StepUp shows the user.</summary>
internal static class SmsStatusMapper
{
    /// <summary>Whether the status passes by itself, so the request is retried (1, 5, 10).</summary>
    public static bool IsTransient(SmsStatusCode status) =>
        status is SmsStatusCode.Throttled or SmsStatusCode.InternalError or SmsStatusCode.TooManyExistingBinds;

    /// <summary>The delivery status for an SMS API status. Unknown statuses count as refusals that need an operator.</summary>
    public static PhoneDeliveryStatus Map(SmsStatusCode status) => status switch
    {
        SmsStatusCode.Success => PhoneDeliveryStatus.Accepted,

        // Passing: retried first, then the user is told to try again in a moment.
        SmsStatusCode.Throttled or SmsStatusCode.TooManyExistingBinds => PhoneDeliveryStatus.Throttled,
        SmsStatusCode.InternalError => PhoneDeliveryStatus.ProviderUnavailable,

        // The number itself: unknown prefix, deactivated, missing or malformed.
        SmsStatusCode.InvalidMessage or SmsStatusCode.NumberDeactivated or SmsStatusCode.InvalidOrMissingMsisdn => PhoneDeliveryStatus.InvalidNumber,

        // This number cannot get texts from us: barred, or our sender id is not allowed in its country. A call may still work.
        SmsStatusCode.NumberBarred or SmsStatusCode.InvalidSenderAddress => PhoneDeliveryStatus.Undeliverable,

        // Our account or request: credentials, suspension, credit, provisioning, parameters, demo-account whitelist.
        _ => PhoneDeliveryStatus.ProviderRejected,
    };
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.Vonage.Authentication;
using StepUp.Vonage.Diagnostics;
using StepUp.Vonage.Http;
using StepUp.Vonage.Sms;
using StepUp.Vonage.Voice;

namespace StepUp.Vonage.Channels;

/// <summary>
/// Delivers StepUp's messages through Vonage: text messages by the SMS API (the text as composed, in the origin-bound
/// one-time-code format), calls by the Voice API (an NCCO <c>talk</c> action reading <see cref="PhoneMessage.SpokenText"/>,
/// which already says the code digit by digit, twice). Never throws for a Vonage failure: every failure is a
/// <see cref="PhoneDeliveryResult"/>.
/// </summary>
internal sealed class VonagePhoneChannel(
    ISmsClient sms,
    IVoiceClient voice,
    IOptions<VonageOptions> options,
    IOptions<StepUpOptions> stepUpOptions,
    ILogger<VonagePhoneChannel> logger) : IPhoneChannel
{
    private const int MaxClientRefLength = 40;
    private static readonly TimeSpan MinimumTtl = TimeSpan.FromSeconds(20);

    public async Task<PhoneDeliveryResult> SendTextAsync(PhoneMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var value = options.Value;
        var clientRef = ClientRef(message.ClientReference);
        var request = new SendSmsRequest
        {
            From = VonageNumber.From(value.SmsFrom ?? "?"),
            To = VonageNumber.From(message.To),
            Text = message.Text,
            Type = GsmAlphabet.TypeFor(message.Text),
            ClientRef = clientRef,

            // A code that arrives after it expired is useless, and confusing: stop trying when it expires.
            Ttl = message.Kind == PhoneMessageKind.Code ? Max(stepUpOptions.Value.CodeLifetime, MinimumTtl) : null,
        };

        SendSmsResponse response;
        try
        {
            response = await sms.SendAnSmsAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (VonageFailure.From(e, cancellationToken) is { } failure)
        {
            var result = failure.ToDeliveryResult();
            logger.RequestFailed("SMS API", "send", failure.Description, result.Status.ToString());
            return result;
        }

        if (response.Messages.Count == 0)
        {
            logger.RequestFailed("SMS API", "send", "no message in the answer", nameof(PhoneDeliveryStatus.ProviderUnavailable));
            return new PhoneDeliveryResult(PhoneDeliveryStatus.ProviderUnavailable, Detail: "Vonage: no message in the answer");
        }

        if (response.Messages.FirstOrDefault(m => m.StatusCode != SmsStatusCode.Success) is { } refused)
        {
            var status = SmsStatusMapper.Map(refused.StatusCode);
            var name = Enum.IsDefined(refused.StatusCode) ? refused.StatusCode.ToString() : "undocumented";
            logger.SmsRefused(refused.Status, name, status, clientRef);
            return new PhoneDeliveryResult(status, Detail: $"Vonage SMS status {refused.Status} ({name})");
        }

        var messageId = response.Messages[0].MessageId;
        logger.SmsAccepted(messageId, response.Messages.Count, clientRef);
        return PhoneDeliveryResult.Accept(messageId);
    }

    public async Task<PhoneDeliveryResult> PlaceCallAsync(PhoneMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var value = options.Value;
        if (string.IsNullOrWhiteSpace(value.ApplicationId) || !VonagePrivateKey.IsConfigured(value))
        {
            logger.VoiceNotConfigured();
            return new PhoneDeliveryResult(PhoneDeliveryStatus.ProviderRejected, Detail: "Vonage: voice calls are not configured");
        }

        // The language the text is written in (an untranslated text is English whatever the user's culture).
        var language = VoiceLanguages.For(message.SpokenCulture);
        if (language is null)
        {
            language = value.DefaultVoiceLanguage;
            logger.VoiceLanguageFallback(message.SpokenCulture.Name, language);
        }

        var clientRef = ClientRef(message.ClientReference);
        var request = new CreateCallRequest
        {
            To = [new PhoneEndpoint(VonageNumber.From(message.To))],
            From = string.IsNullOrWhiteSpace(value.VoiceFrom) ? null : new PhoneEndpoint(VonageNumber.From(value.VoiceFrom)),
            RandomFromNumber = string.IsNullOrWhiteSpace(value.VoiceFrom) ? true : null,
            Ncco =
            [
                new TalkAction
                {
                    Text = message.SpokenText,
                    Language = language,
                    Style = value.VoiceStyle,
                    Premium = value.VoicePremium,
                    Loop = 1,
                    BargeIn = false,
                },
            ],
            MachineDetection = value.HangUpOnVoicemail ? "hangup" : "continue",
            LengthTimer = (int)value.CallLengthLimit.TotalSeconds,
        };

        try
        {
            var response = await voice.CreateCallAsync(request, cancellationToken).ConfigureAwait(false);
            logger.CallPlaced(response.Uuid, language, clientRef);
            return PhoneDeliveryResult.Accept(response.Uuid);
        }
        catch (Exception e) when (VonageFailure.From(e, cancellationToken) is { } failure)
        {
            var result = failure.ToDeliveryResult();
            logger.RequestFailed("Voice API", "call", failure.Description, result.Status.ToString());
            return result;
        }
    }

    private static string ClientRef(string reference) =>
        reference.Length <= MaxClientRefLength ? reference : reference[..MaxClientRefLength];

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

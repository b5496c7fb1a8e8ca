using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StepUp.AspNetCore.Channels;
using StepUp.AspNetCore.Phones;

namespace StepUp.AspNetCore.Development;

/// <summary>
/// An <see cref="IPhoneChannel"/> that delivers to the <see cref="DevelopmentOutbox"/> and, in Development only, writes the
/// code to the log at Information level. Never used in Production (start-up refuses it).
/// </summary>
internal sealed partial class DevelopmentOutboxChannel(DevelopmentOutbox outbox, IHostEnvironment environment, ILogger<DevelopmentOutboxChannel> logger) : IPhoneChannel
{
    public Task<PhoneDeliveryResult> SendTextAsync(PhoneMessage message, CancellationToken cancellationToken = default) =>
        Task.FromResult(Deliver(PhoneChannel.Sms, message));

    public Task<PhoneDeliveryResult> PlaceCallAsync(PhoneMessage message, CancellationToken cancellationToken = default) =>
        Task.FromResult(Deliver(PhoneChannel.Voice, message));

    private PhoneDeliveryResult Deliver(PhoneChannel channel, PhoneMessage message)
    {
        var entry = outbox.Add(channel, message);
        if (environment.IsDevelopment() && message.Code is not null)
        {
            DevelopmentCode(logger, channel, PhoneNumberParser.Mask(message.To), message.Code);
        }

        return PhoneDeliveryResult.Accept("outbox-" + entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [LoggerMessage(100, LogLevel.Information, "[Development outbox] {Channel} code for {MaskedPhoneNumber}: {DevelopmentCode}", EventName = "DevelopmentOutboxCode")]
    private static partial void DevelopmentCode(ILogger logger, PhoneChannel channel, string maskedPhoneNumber, string developmentCode);
}

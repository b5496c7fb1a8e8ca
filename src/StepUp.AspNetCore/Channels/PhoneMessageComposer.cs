using System.Globalization;
using Microsoft.Extensions.Localization;

namespace StepUp.AspNetCore.Channels;

/// <summary>
/// Composes the texts of messages and calls. Localizable through <see cref="IStringLocalizer{T}"/>: the English text is
/// the resource key, so an app adds translations with a resource file for <see cref="PhoneMessageComposer"/>.
/// </summary>
public sealed class PhoneMessageComposer(IStringLocalizer<PhoneMessageComposer> localizer)
{
    /// <summary>The language of the built-in texts (the resource keys), used when the app has no translation.</summary>
    private static readonly CultureInfo BuiltInCulture = CultureInfo.GetCultureInfo("en");

    /// <summary>Composes a code message.</summary>
    /// <param name="to">The destination, E.164.</param>
    /// <param name="code">The code.</param>
    /// <param name="brand">Who sends it.</param>
    /// <param name="origin">The host the code is bound to, for the one-time-code line, or <see langword="null"/>.</param>
    /// <param name="transactionDescription">What the code approves, or <see langword="null"/>.</param>
    /// <param name="lifetime">How long the code is valid.</param>
    /// <param name="culture">The language.</param>
    /// <param name="clientReference">An opaque reference for the provider.</param>
    public PhoneMessage ComposeCode(
        string to,
        string code,
        string brand,
        string? origin,
        string? transactionDescription,
        TimeSpan lifetime,
        CultureInfo culture,
        string clientReference)
    {
        ArgumentNullException.ThrowIfNull(code);
        using var scope = new CultureScope(culture);
        var minutes = Math.Max(1, (int)Math.Round(lifetime.TotalMinutes));
        var text = transactionDescription is null
            ? localizer["{0}: your verification code is {1}. It expires in {2} minutes. Never share it.", brand, code, minutes].Value
            : localizer["{0}: code {1} to {2}. Only enter it if you approve this. Never share it.", brand, code, transactionDescription].Value;
        if (!string.IsNullOrEmpty(origin))
        {
            // Origin-bound one-time code format (WICG sms-one-time-codes): the last line is "@host #code".
            text += "\n\n@" + origin + " #" + code;
        }

        var digits = string.Join(", ", code.ToCharArray());
        var spoken = transactionDescription is null
            ? localizer["This is {0}. Your verification code is: {1}. Again, your code is: {1}.", brand, digits]
            : localizer["This is {0}. Your code to {2} is: {1}. Again, your code is: {1}.", brand, digits, transactionDescription];

        return new PhoneMessage
        {
            To = to,
            Kind = PhoneMessageKind.Code,
            Text = text,
            SpokenText = spoken.Value,
            Code = code,
            Culture = culture,
            SpokenCulture = spoken.ResourceNotFound ? BuiltInCulture : culture,
            ClientReference = clientReference,
            Brand = brand,
        };
    }

    /// <summary>Composes the notice sent to a number that was replaced.</summary>
    public PhoneMessage ComposePhoneChangedNotice(string to, string brand, CultureInfo culture, string clientReference)
    {
        using var scope = new CultureScope(culture);
        var text = localizer["{0}: the phone number for your account was changed. If you did not do this, contact us now.", brand];
        return new PhoneMessage
        {
            To = to,
            Kind = PhoneMessageKind.PhoneChangedNotice,
            Text = text.Value,
            SpokenText = text.Value,
            Culture = culture,
            SpokenCulture = text.ResourceNotFound ? BuiltInCulture : culture,
            ClientReference = clientReference,
            Brand = brand,
        };
    }

    private readonly struct CultureScope : IDisposable
    {
        private readonly CultureInfo _previous;

        public CultureScope(CultureInfo culture)
        {
            _previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose() => CultureInfo.CurrentUICulture = _previous;
    }
}

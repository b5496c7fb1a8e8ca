using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace StepUp.AspNetCore.Phones;

/// <summary>The outcome of reading a typed phone number.</summary>
internal enum PhoneNumberParseStatus
{
    Valid,
    Invalid,
    CountryNotAllowed,
}

/// <summary>A typed number read with libphonenumber: E.164 when valid.</summary>
internal readonly record struct ParsedPhoneNumber(PhoneNumberParseStatus Status, string? E164, string? RegionCode);

/// <summary>Reads and validates phone numbers typed by users (libphonenumber-csharp), and masks them for display.</summary>
internal sealed class PhoneNumberParser(IOptionsMonitor<StepUpOptions> options)
{
    internal const int MaxInputLength = 40;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public ParsedPhoneNumber Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputLength)
        {
            return new(PhoneNumberParseStatus.Invalid, null, null);
        }

        foreach (var c in input)
        {
            // Only what people type in phone numbers: ASCII digits, +, spaces, dashes, dots, brackets.
            if (!(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')'))
            {
                return new(PhoneNumberParseStatus.Invalid, null, null);
            }
        }

        var current = options.CurrentValue;
        PhoneNumber number;
        try
        {
            number = Util.Parse(input, current.DefaultRegion);
        }
        catch (NumberParseException)
        {
            return new(PhoneNumberParseStatus.Invalid, null, null);
        }

        if (!Util.IsValidNumber(number))
        {
            return new(PhoneNumberParseStatus.Invalid, null, null);
        }

        var region = Util.GetRegionCodeForNumber(number);
        var e164 = Util.Format(number, PhoneNumberFormat.E164);
        if (current.AllowedCountries.Count > 0 && !current.AllowedCountries.Contains(region, StringComparer.OrdinalIgnoreCase))
        {
            return new(PhoneNumberParseStatus.CountryNotAllowed, e164, region);
        }

        return new(PhoneNumberParseStatus.Valid, e164, region);
    }

    /// <summary>
    /// Masks an E.164 number for display: the country code and the last two digits stay, the rest become dots, in the
    /// number's international grouping (<c>+31612345634</c> → <c>+31 • ••••••34</c>).
    /// </summary>
    public static string Mask(string e164)
    {
        string international;
        int countryCodeLength;
        try
        {
            var number = Util.Parse(e164, null);
            international = Util.Format(number, PhoneNumberFormat.INTERNATIONAL);
            countryCodeLength = number.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 1;
        }
        catch (NumberParseException)
        {
            international = e164;
            countryCodeLength = Math.Min(3, e164.Length);
        }

        var chars = international.ToCharArray();
        var digitsSeen = 0;
        var totalDigits = chars.Count(char.IsAsciiDigit);
        for (var i = countryCodeLength; i < chars.Length; i++)
        {
            if (!char.IsAsciiDigit(chars[i]))
            {
                continue;
            }

            digitsSeen++;
            if (totalDigits - (countryCodeLength - 1) - digitsSeen >= 2)
            {
                chars[i] = '•';
            }
        }

        return new string(chars);
    }
}

using Microsoft.Extensions.Options;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Phones;

namespace StepUp.AspNetCore.Tests.Phones;

public sealed class PhoneNumberParserTests
{
    private static PhoneNumberParser Parser(Action<StepUpOptions>? configure = null)
    {
        var options = new StepUpOptions();
        configure?.Invoke(options);
        return new PhoneNumberParser(new StaticOptionsMonitor<StepUpOptions>(options));
    }

    [Theory]
    [InlineData("+31 6 12345634", "+31612345634")]
    [InlineData("+31-6-1234 5634", "+31612345634")]
    [InlineData("+44 7911 123456", "+447911123456")]
    public void ValidNumbersAreReadAsE164(string input, string expected)
    {
        var parsed = Parser().Parse(input);

        Assert.Equal(PhoneNumberParseStatus.Valid, parsed.Status);
        Assert.Equal(expected, parsed.E164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("+31 6 1234")]
    [InlineData("0612345634")]
    [InlineData("+31 6 １２３４５６３４")]
    [InlineData("+31612345634; DROP TABLE")]
    public void InvalidInputIsRejected(string input) =>
        Assert.Equal(PhoneNumberParseStatus.Invalid, Parser().Parse(input).Status);

    [Fact]
    public void NationalNumbersUseTheDefaultRegion() =>
        Assert.Equal("+31612345634", Parser(o => o.DefaultRegion = "NL").Parse("06 12345634").E164);

    [Fact]
    public void NumbersOutsideTheAllowListAreRefused()
    {
        var parser = Parser(o => o.AllowedCountries.Add("NL"));

        Assert.Equal(PhoneNumberParseStatus.CountryNotAllowed, parser.Parse("+44 7911 123456").Status);
        Assert.Equal(PhoneNumberParseStatus.Valid, parser.Parse("+31 6 12345634").Status);
    }

    [Fact]
    public void MaskKeepsOnlyTheCountryCodeAndTheLastTwoDigits()
    {
        var masked = PhoneNumberParser.Mask("+31612345634");

        Assert.StartsWith("+31 ", masked, StringComparison.Ordinal);
        Assert.EndsWith("34", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("123456", masked.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, masked.Count(char.IsAsciiDigit) - 2);
    }
}

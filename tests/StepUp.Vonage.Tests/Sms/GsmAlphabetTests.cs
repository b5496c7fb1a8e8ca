using StepUp.Vonage.Sms;

namespace StepUp.Vonage.Tests.Sms;

public sealed class GsmAlphabetTests
{
    [Theory]
    [InlineData("Contoso Bank: your verification code is 123456.\n\n@bank.example #123456")]
    [InlineData("Ihr Code: 123456 für Überweisung €500 [ok] {x} ~ ^ | \\")]
    [InlineData("Codigo 123456 ¿ok? ¡si! ñ à è é ù ì ò Ø Å Æ ß")]
    public void GsmTextGoesAsText(string text) => Assert.Equal(SmsType.Text, GsmAlphabet.TypeFor(text));

    [Theory]
    [InlineData("NL91 ••• 4300")]
    [InlineData("Ваш код 123456")]
    [InlineData("验证码 123456")]
    [InlineData("code 123456 ✓")]
    [InlineData("Ç is GSM but ç is not")]
    [InlineData("Código: ó and í are not GSM")]
    public void OtherTextGoesAsUnicode(string text) => Assert.Equal(SmsType.Unicode, GsmAlphabet.TypeFor(text));
}

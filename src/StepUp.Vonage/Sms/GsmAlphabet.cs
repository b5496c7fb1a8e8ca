using System.Buffers;

namespace StepUp.Vonage.Sms;

/// <summary>
/// The GSM 03.38 default alphabet and its extension table: text made only of these characters goes as <c>type=text</c>
/// (160 characters a part); anything else needs <c>type=unicode</c> (70 characters a part).
/// </summary>
internal static class GsmAlphabet
{
    private static readonly SearchValues<char> Characters = SearchValues.Create(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà" +
        "\f^{}\\[~]|€");

    /// <summary>Whether <paramref name="text"/> can be sent as GSM 7-bit text.</summary>
    public static bool CanEncode(string text) => text.AsSpan().IndexOfAnyExcept(Characters) < 0;

    /// <summary>The message type <paramref name="text"/> needs.</summary>
    public static SmsType TypeFor(string text) => CanEncode(text) ? SmsType.Text : SmsType.Unicode;
}

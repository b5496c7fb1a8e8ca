using System.Globalization;
using System.Security.Cryptography;

namespace StepUp.AspNetCore.Verification;

/// <summary>Random codes and ids from the CSPRNG.</summary>
internal static class CodeGenerator
{
    /// <summary>
    /// <paramref name="length"/> uniform random digits. The CSPRNG is called once per code rather than once per digit (each
    /// call costs about as much as the rest of the code's creation); bytes of 250 or more are rejected, so every digit stays
    /// uniform (250 = 25 × 10).
    /// </summary>
    public static string NewCode(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Span<byte> random = stackalloc byte[32];
        var chars = new char[length];
        var filled = 0;
        while (filled < length)
        {
            RandomNumberGenerator.Fill(random);
            for (var i = 0; i < random.Length && filled < length; i++)
            {
                if (random[i] < 250)
                {
                    chars[filled++] = (char)('0' + (random[i] % 10));
                }
            }
        }

        CryptographicOperations.ZeroMemory(random);
        return new string(chars);
    }

    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether <paramref name="code"/> is exactly <paramref name="length"/> ASCII digits (no other Unicode digits).</summary>
    public static bool IsWellFormed(string? code, int length)
    {
        if (code is null || code.Length != length)
        {
            return false;
        }

        foreach (var c in code)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Removes the spaces and dashes people type inside codes.</summary>
    public static string? Normalize(string? code) =>
        code is null || code.Length > 64 ? code : code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim();

    public static string FormatSeconds(TimeSpan span) =>
        Math.Ceiling(span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}

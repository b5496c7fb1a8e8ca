using System.Globalization;
using System.Security.Cryptography;

namespace StepUp.Security.Tests.Infrastructure;

/// <summary>Guesses an attacker would type.</summary>
public static class Codes
{
    /// <summary>A random 8-digit code that is not <paramref name="right"/>.</summary>
    public static string WrongFor(string right)
    {
        while (true)
        {
            var guess = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            if (guess != right)
            {
                return guess;
            }
        }
    }
}

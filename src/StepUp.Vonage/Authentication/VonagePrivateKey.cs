using System.Security.Cryptography;

namespace StepUp.Vonage.Authentication;

/// <summary>
/// Reads the application's RSA private key from <see cref="VonageOptions.PrivateKey"/> or <see cref="VonageOptions.PrivateKeyPath"/>.
/// Error texts name the setting and never contain the key.
/// </summary>
internal static class VonagePrivateKey
{
    /// <summary>The smallest key accepted, in bits.</summary>
    public const int MinimumKeySize = 2048;

    /// <summary>Whether a key is configured at all.</summary>
    public static bool IsConfigured(VonageOptions options) =>
        !string.IsNullOrWhiteSpace(options.PrivateKey) || !string.IsNullOrWhiteSpace(options.PrivateKeyPath);

    /// <summary>Loads the key; <paramref name="error"/> says what is wrong when it cannot.</summary>
    public static RSA? TryLoad(VonageOptions options, out string? error)
    {
        const string Key = VonageDefaults.ConfigurationSection + ":" + nameof(VonageOptions.PrivateKey);
        const string PathKey = VonageDefaults.ConfigurationSection + ":" + nameof(VonageOptions.PrivateKeyPath);
        error = null;
        string pem;
        string setting;
        if (!string.IsNullOrWhiteSpace(options.PrivateKey))
        {
            if (!string.IsNullOrWhiteSpace(options.PrivateKeyPath))
            {
                error = $"Set either {Key} or {PathKey}, not both.";
                return null;
            }

            pem = options.PrivateKey;
            setting = Key;
        }
        else if (!string.IsNullOrWhiteSpace(options.PrivateKeyPath))
        {
            setting = PathKey;
            try
            {
                pem = File.ReadAllText(options.PrivateKeyPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error = $"{PathKey} names a file that cannot be read ({e.GetType().Name}).";
                return null;
            }
        }
        else
        {
            error = $"{Key} (or {PathKey}) is required.";
            return null;
        }

        // Environment variables often carry the PEM on one line with literal "\n" separators.
        if (!pem.Contains('\n', StringComparison.Ordinal) && pem.Contains("\\n", StringComparison.Ordinal))
        {
            pem = pem.Replace("\\n", "\n", StringComparison.Ordinal);
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);

            // A public key imports too; signing needs the private part.
            _ = rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            error = $"{setting} is not an RSA private key in PEM format (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).";
            return null;
        }

        if (rsa.KeySize < MinimumKeySize)
        {
            var size = rsa.KeySize;
            rsa.Dispose();
            error = $"{setting} is a {size}-bit RSA key; at least {MinimumKeySize} bits are required.";
            return null;
        }

        return rsa;
    }
}

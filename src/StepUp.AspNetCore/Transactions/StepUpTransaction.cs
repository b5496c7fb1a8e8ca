using System.Security.Cryptography;
using System.Text;

namespace StepUp.AspNetCore.Transactions;

/// <summary>
/// One operation a user approves with a code (a wire transfer): what the message says and a digest of what is approved.
/// A grant earned for one transaction never authorises another.
/// </summary>
public sealed record StepUpTransaction
{
    /// <summary>Creates a transaction from its description and the values that define it.</summary>
    /// <param name="description">What the message says is approved, e.g. "send EUR 500.00 to NL91 ••• 4300".</param>
    /// <param name="values">The values approved (amount, currency, payee, operation id): any change yields another digest.</param>
    public StepUpTransaction(string description, params string[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(values);
        Description = description;
        Digest = ComputeDigest(values);
    }

    private StepUpTransaction(string description, string digest, bool _)
    {
        Description = description;
        Digest = digest;
    }

    /// <summary>What the user approves, as shown and sent.</summary>
    public string Description { get; }

    /// <summary>A SHA-256 digest (base64url) of the approved values.</summary>
    public string Digest { get; }

    internal static StepUpTransaction FromDigest(string description, string digest) => new(description, digest, false);

    private static string ComputeDigest(string[] values)
    {
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            // Length-prefixed so ("ab","c") and ("a","bc") differ.
            builder.Append(value.Length).Append(':').Append(value).Append('|');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}

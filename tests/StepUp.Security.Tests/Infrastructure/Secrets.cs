using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace StepUp.Security.Tests.Infrastructure;

/// <summary>What kind of secret a <see cref="Secret"/> is.</summary>
public enum SecretKind
{
    /// <summary>A one-time code.</summary>
    Code,

    /// <summary>A phone number (full; the masked form is allowed).</summary>
    PhoneNumber,

    /// <summary>Key material (the HMAC key): its raw bytes, Base64 or hex.</summary>
    Key,
}

/// <summary>
/// A value that must never appear in a response body, a log line, an exception message, a Redis key or a Redis command.
/// Codes match as a digit-bounded run; phone numbers as their national digits with any of <c>space . - ( )</c> between them
/// (so <c>+31 6 1234 5634</c> is found, the masked <c>+31 • ••••••34</c> is not); keys as raw bytes, Base64 or hex.
/// </summary>
public sealed class Secret
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private readonly Regex? _pattern;
    private readonly byte[]? _bytes;
    private readonly string[] _encodings = [];

    private Secret(SecretKind kind, string label, Regex? pattern, byte[]? bytes)
    {
        Kind = kind;
        Label = label;
        _pattern = pattern;
        _bytes = bytes;
        if (bytes is not null)
        {
            _encodings = [Convert.ToBase64String(bytes), Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'), Convert.ToHexString(bytes), Convert.ToHexString(bytes).ToLowerInvariant()];
        }
    }

    /// <summary>What it is.</summary>
    public SecretKind Kind { get; }

    /// <summary>A description that does not repeat the secret (for failure messages).</summary>
    public string Label { get; }

    /// <summary>A code.</summary>
    public static Secret Code(string code) =>
        new(SecretKind.Code, $"a code of {code.Length} digits", new Regex($"(?<![0-9]){Regex.Escape(code)}(?![0-9])", RegexOptions.CultureInvariant), null);

    /// <summary>A phone number in E.164.</summary>
    public static Secret PhoneNumber(string e164)
    {
        var national = Phones.GetNationalSignificantNumber(Phones.Parse(e164, null));
        var pattern = string.Join("[ .()-]*", national.Select(c => c.ToString()));
        return new(SecretKind.PhoneNumber, $"a phone number ending in {e164[^2..]}", new Regex($"(?<![0-9]){pattern}(?![0-9])", RegexOptions.CultureInvariant), null);
    }

    /// <summary>Key material.</summary>
    public static Secret Key(string name, byte[] bytes) => new(SecretKind.Key, name, null, bytes);

    /// <summary>Whether <paramref name="text"/> holds the secret.</summary>
    public bool IsIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_pattern is not null)
        {
            return _pattern.IsMatch(text);
        }

        return _encodings.Any(e => text.Contains(e, StringComparison.Ordinal)) || IsIn(Encoding.Latin1.GetBytes(text));
    }

    /// <summary>Whether <paramref name="bytes"/> hold the secret (as text, or as raw key bytes).</summary>
    public bool IsIn(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (_bytes is not null)
        {
            return bytes.AsSpan().IndexOf(_bytes) >= 0 || _encodings.Any(e => Encoding.Latin1.GetString(bytes).Contains(e, StringComparison.Ordinal));
        }

        return _pattern!.IsMatch(Encoding.Latin1.GetString(bytes));
    }
}

/// <summary>Every secret the suite has handed out so far (codes sent, numbers used, the HMAC keys), for every audit.</summary>
public sealed class SecretLedger
{
    private readonly ConcurrentDictionary<string, Secret> _secrets = new(StringComparer.Ordinal);

    /// <summary>The secrets so far.</summary>
    public IReadOnlyCollection<Secret> All => [.. _secrets.Values];

    /// <summary>Records a code.</summary>
    public void AddCode(string code) => _secrets.TryAdd("code:" + code, Secret.Code(code));

    /// <summary>Records a phone number (E.164).</summary>
    public void AddPhoneNumber(string e164) => _secrets.TryAdd("phone:" + e164, Secret.PhoneNumber(e164));

    /// <summary>Records key material.</summary>
    public void AddKey(string name, byte[] bytes) => _secrets.TryAdd("key:" + Convert.ToBase64String(bytes), Secret.Key(name, bytes));
}

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

    private Secret(SecretKind kind, string label, string value, Regex? pattern, byte[]? bytes)
    {
        Kind = kind;
        Label = label;
        Value = value;
        Pattern = pattern;
        Bytes = bytes;
        Encodings = bytes is null
            ? []
            : [Convert.ToBase64String(bytes), Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'), Convert.ToHexString(bytes), Convert.ToHexString(bytes).ToLowerInvariant(), Encoding.Latin1.GetString(bytes)];
    }

    /// <summary>What it is.</summary>
    public SecretKind Kind { get; }

    /// <summary>A description that does not repeat the secret (for failure messages).</summary>
    public string Label { get; }

    /// <summary>The code, or the national digits of the number, or the key in Base64.</summary>
    internal string Value { get; }

    internal Regex? Pattern { get; }

    internal byte[]? Bytes { get; }

    internal string[] Encodings { get; }

    /// <summary>A code.</summary>
    public static Secret Code(string code) => new(SecretKind.Code, $"a code of {code.Length} digits", code, null, null);

    /// <summary>A phone number in E.164.</summary>
    public static Secret PhoneNumber(string e164)
    {
        var national = Phones.GetNationalSignificantNumber(Phones.Parse(e164, null));
        var pattern = string.Join("[ .()-]*", national.Select(c => c.ToString()));
        return new(SecretKind.PhoneNumber, $"a phone number ending in {e164[^2..]}", national, new Regex($"(?<![0-9]){pattern}(?![0-9])", RegexOptions.CultureInvariant), null);
    }

    /// <summary>Key material.</summary>
    public static Secret Key(string name, byte[] bytes) => new(SecretKind.Key, name, Convert.ToBase64String(bytes), null, bytes);
}

/// <summary>
/// Every secret the suite has handed out so far (codes sent, numbers used, the HMAC keys), indexed so that an audit of
/// tens of thousands of responses against thousands of secrets stays fast: digit runs are looked up, phone patterns run
/// only where the digits occur at all.
/// </summary>
public sealed partial class SecretLedger
{
    private readonly ConcurrentDictionary<string, Secret> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Secret> _phones = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, bool> _nationalLengths = new();
    private readonly ConcurrentDictionary<string, Secret> _keys = new(StringComparer.Ordinal);

    /// <summary>How many secrets are known.</summary>
    public int Count => _codes.Count + _phones.Count + _keys.Count;

    /// <summary>Records a code.</summary>
    public void AddCode(string code) => _codes.TryAdd(code, Secret.Code(code));

    /// <summary>Records a phone number (E.164).</summary>
    public void AddPhoneNumber(string e164)
    {
        var secret = Secret.PhoneNumber(e164);
        if (_phones.TryAdd(secret.Value, secret))
        {
            _nationalLengths.TryAdd(secret.Value.Length, true);
        }
    }

    /// <summary>Records key material.</summary>
    public void AddKey(string name, byte[] bytes) => _keys.TryAdd(Convert.ToBase64String(bytes), Secret.Key(name, bytes));

    /// <summary>The secrets in <paramref name="text"/>.</summary>
    public IEnumerable<Secret> FindIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match run in DigitRun().Matches(text))
        {
            if (_codes.TryGetValue(run.Value, out var code))
            {
                yield return code;
            }
        }

        // A phone number's national digits, with any separators taken out, must occur in the text's digits: look up every
        // window of the digits, then confirm with the number's own pattern (digit-bounded, separators allowed).
        var digits = text.Count(char.IsAsciiDigit) >= 6 ? string.Concat(text.Where(char.IsAsciiDigit)) : string.Empty;
        var seen = new HashSet<Secret>();
        foreach (var length in _nationalLengths.Keys)
        {
            for (var i = 0; i + length <= digits.Length; i++)
            {
                if (_phones.TryGetValue(digits.Substring(i, length), out var phone) && seen.Add(phone) && phone.Pattern!.IsMatch(text))
                {
                    yield return phone;
                }
            }
        }

        foreach (var key in _keys.Values)
        {
            if (key.Encodings.Any(e => text.Contains(e, StringComparison.Ordinal)))
            {
                yield return key;
            }
        }
    }

    /// <summary>The secrets in <paramref name="bytes"/> (read as Latin-1 text, and searched for raw key bytes).</summary>
    public IEnumerable<Secret> FindIn(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        foreach (var secret in FindIn(Encoding.Latin1.GetString(bytes)))
        {
            yield return secret;
        }

        foreach (var key in _keys.Values)
        {
            if (bytes.AsSpan().IndexOf(key.Bytes) >= 0)
            {
                yield return key;
            }
        }
    }

    [GeneratedRegex("(?<![0-9])[0-9]{6,10}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();
}

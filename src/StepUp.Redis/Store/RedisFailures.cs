using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace StepUp.Redis.Store;

/// <summary>
/// Recognises Redis failures and describes them without key names: StackExchange.Redis puts keys (and so user ids) into its
/// exception messages, so the store reports the exception type and, for server errors, Redis's leading error code
/// (<c>LOADING</c>, <c>BUSY</c>, <c>READONLY</c>…) only.
/// </summary>
internal static partial class RedisFailures
{
    /// <summary>Whether <paramref name="exception"/> means Redis could not do the operation (down, slow, loading, busy, failing over).</summary>
    public static bool IsStoreFailure(Exception exception) =>
        exception is RedisException or TimeoutException;

    /// <summary>The server error code that starts a <see cref="RedisServerException"/> message, or an empty string.</summary>
    public static string ServerErrorCode(Exception exception) =>
        exception is RedisServerException && LeadingErrorCode().Match(exception.Message) is { Success: true } match
            ? " " + match.Value
            : string.Empty;

    [GeneratedRegex("^[A-Z]{2,20}(?= |$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LeadingErrorCode();
}

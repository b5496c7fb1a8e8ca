using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace StepUp.Redis.Store;

/// <summary>
/// The key layout. Keys hold only user ids, session ids, secret names and the caller's HMAC-derived phone and client keys,
/// each escaped so that no id can forge another key or break a hash tag. Keys that one script uses together share a
/// Redis Cluster hash slot through their <c>{…}</c> tag:
/// <list type="bullet">
/// <item><c>{prefix}{u:&lt;user&gt;}:phone</c>, <c>:challenge</c>, <c>:failures</c>, <c>:grants:&lt;session&gt;</c> — one user's data, one slot.</item>
/// <item><c>{prefix}{sends}:u:&lt;user&gt;</c>, <c>:p:&lt;phone HMAC&gt;</c>, <c>:c:&lt;client HMAC&gt;</c> — every send counter in one slot,
/// so that the user, phone and client limits are checked and counted by one atomic script.</item>
/// <item><c>{prefix}secret:&lt;name&gt;</c> — single-key values.</item>
/// </list>
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    /// <summary>Escaped ids longer than this are replaced by a hash, so keys stay short.</summary>
    private const int MaxSegmentLength = 128;

    public RedisKey VerifiedPhone(string userId) => User(userId, ":phone");

    public RedisKey Challenge(string userId) => User(userId, ":challenge");

    public RedisKey Failures(string userId) => User(userId, ":failures");

    public RedisKey Grants(string userId, string sessionId) => User(userId, ":grants:" + Escape(sessionId));

    public RedisKey UserSends(string userId) => prefix + "{sends}:u:" + Escape(userId);

    public RedisKey PhoneSends(string phoneKey) => prefix + "{sends}:p:" + Escape(phoneKey);

    public RedisKey ClientSends(string? clientKey) => prefix + "{sends}:c:" + (clientKey is null ? "-" : Escape(clientKey));

    public RedisKey Secret(string name) => prefix + "secret:" + Escape(name);

    /// <summary>
    /// Letters, digits and <c>. _ @ -</c> pass unchanged; every other character is written as <c>%XX</c> per UTF-8 byte
    /// (so <c>{ } : %</c> can never appear raw); a result longer than 128 characters becomes <c>#</c> + a SHA-256. The
    /// mapping is one-to-one: escaped forms never contain <c>#</c>.
    /// </summary>
    internal static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= MaxSegmentLength && value.All(IsPlain))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 0x80 && IsPlain(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (builder.Length > MaxSegmentLength)
            {
                return "#" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(value))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            }
        }

        return builder.ToString();
    }

    private string User(string userId, string suffix) => prefix + "{u:" + Escape(userId) + "}" + suffix;

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '-';
}

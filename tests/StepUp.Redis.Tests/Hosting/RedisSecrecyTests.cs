using System.Net;
using StackExchange.Redis;
using StepUp.Redis.Tests.Infrastructure;
using StepUp.Testing.Hosting;

namespace StepUp.Redis.Tests.Hosting;

/// <summary>After a real enrolment through the JSON API, Redis holds neither the phone number nor the code, in keys or values.</summary>
public sealed class RedisSecrecyTests(RedisServerFixture redis)
{
    [Fact]
    public async Task AfterARealFlowRedisHoldsNoPhoneNumberAndNoCode()
    {
        var prefix = RedisStores.NewPrefix();
        await using var app = await RedisTestApps.StartAsync(redis.Configuration, prefix);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync("user-" + Guid.NewGuid().ToString("N"));
        var challengeId = await browser.StartCodeAsync();
        var code = app.LatestCode();
        using (var wrong = await browser.VerifyAsync(challengeId, code == "000000" ? "111111" : "000000"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var pendingKeys = await KeysAsync(prefix);
        using var verified = await browser.VerifyAsync(challengeId, code);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var keys = await KeysAsync(prefix);

        Assert.Contains(pendingKeys, k => k.EndsWith(":challenge", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.EndsWith(":phone", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.Contains(":grants:", StringComparison.Ordinal));
        foreach (var key in pendingKeys.Concat(keys))
        {
            Assert.DoesNotContain("612345634", key, StringComparison.Ordinal);
            Assert.DoesNotContain(code, key, StringComparison.Ordinal);
        }

        foreach (var value in await ValuesAsync(keys))
        {
            Assert.DoesNotContain("612345634", value, StringComparison.Ordinal);
            Assert.DoesNotContain(code, value, StringComparison.Ordinal);
        }
    }

    private async Task<List<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in redis.Inspector.GetServer(redis.Configuration).KeysAsync(pattern: prefix + "*"))
        {
            keys.Add(key!);
        }

        return keys;
    }

    private async Task<List<string>> ValuesAsync(IEnumerable<string> keys)
    {
        var db = redis.Inspector.GetDatabase();
        var values = new List<string>();
        foreach (var key in keys)
        {
            switch (await db.KeyTypeAsync(key))
            {
                case RedisType.String:
                    values.Add((string?)await db.StringGetAsync(key) ?? string.Empty);
                    break;
                case RedisType.Hash:
                    values.AddRange((await db.HashGetAllAsync(key)).Select(e => e.Name + "=" + e.Value));
                    break;
                case RedisType.List:
                    values.AddRange((await db.ListRangeAsync(key)).Select(v => (string?)v ?? string.Empty));
                    break;
            }
        }

        return values;
    }
}

using StackExchange.Redis;
using StepUp.Redis.Store;
using StepUp.Redis.Tests.Infrastructure;

namespace StepUp.Redis.Tests.Store;

public sealed class RedisKeysTests(RedisServerFixture redis)
{
    private static readonly RedisKeys Keys = new("stepup:");

    [Theory]
    [InlineData("alice")]
    [InlineData("a}b{c:d")]
    [InlineData("{}")]
    [InlineData("8f0c1a2e-5b7d-4c3e-9a41-2f6d7e8b9c01")]
    public void EveryKeyOfOneUserSharesAHashSlot(string userId)
    {
        var slots = new[] { Keys.VerifiedPhone(userId), Keys.Challenge(userId), Keys.Failures(userId), Keys.Grants(userId, "s1"), Keys.Grants(userId, "}{") }
            .Select(k => redis.Inspector.HashSlot(k));

        Assert.Single(slots.Distinct());
    }

    [Fact]
    public void EverySendCounterSharesOneHashSlot()
    {
        var slots = new[] { Keys.UserSends("alice"), Keys.UserSends("bob"), Keys.PhoneSends("phone-hmac"), Keys.ClientSends("client-hmac"), Keys.ClientSends(null) }
            .Select(k => redis.Inspector.HashSlot(k));

        Assert.Single(slots.Distinct());
    }

    [Fact]
    public void KeysNameTheUserAndThePurpose()
    {
        Assert.Equal("stepup:{u:alice}:phone", (string?)Keys.VerifiedPhone("alice"));
        Assert.Equal("stepup:{u:alice}:grants:s1", (string?)Keys.Grants("alice", "s1"));
        Assert.Equal("stepup:{sends}:p:phone-hmac", (string?)Keys.PhoneSends("phone-hmac"));
    }

    [Theory]
    [InlineData("user@example.com", "user@example.com")]
    [InlineData("a:b", "a%3Ab")]
    [InlineData("a%3Ab", "a%253Ab")]
    [InlineData("{x}", "%7Bx%7D")]
    [InlineData("é", "%C3%A9")]
    public void IdsAreEscapedSoThatNoIdForgesAnotherKey(string id, string escaped) =>
        Assert.Equal(escaped, RedisKeys.Escape(id));

    [Fact]
    public void ASessionIdCannotReachIntoAnotherKey()
    {
        // Without escaping, user "a}:grants:x" would share the key of user "a", session "x" (and its hash slot).
        Assert.NotEqual(Keys.Grants("a", "x"), Keys.VerifiedPhone("a}:grants:x"));
        Assert.NotEqual((string?)Keys.Grants("a", "x:phone"), (string?)Keys.Grants("a}:grants:x", "phone"));
    }

    [Fact]
    public void LongIdsAreHashedToShortKeys()
    {
        var escaped = RedisKeys.Escape(new string('x', 500));

        Assert.StartsWith("#", escaped, StringComparison.Ordinal);
        Assert.True(escaped.Length < 64);
        Assert.NotEqual(escaped, RedisKeys.Escape(new string('x', 499) + "y"));
    }
}

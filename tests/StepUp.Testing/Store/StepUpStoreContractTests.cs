using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Store;

namespace StepUp.Testing.Store;

/// <summary>
/// What every <see cref="IStepUpStore"/> must do, run against each store (in-memory, Redis, Redis Cluster) so they cannot
/// drift. Each test gets a fresh, empty store. The clock starts in 2001 on purpose: a store that expired anything by its
/// own clock instead of the caller's would fail here.
/// </summary>
public abstract class StepUpStoreContractTests
{
    /// <summary>The test clock's start.</summary>
    protected static readonly DateTimeOffset Start = new(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);

    private const string Phone = "+31612345634";
    private readonly Lazy<IStepUpStore> _store;

    /// <summary>Prepares a test; the store is created on first use (thread-safe: the concurrency tests touch it in parallel).</summary>
    protected StepUpStoreContractTests() => _store = new Lazy<IStepUpStore>(() => CreateStore(Time), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The clock the store and the callers share.</summary>
    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>The store under test, created on first use.</summary>
    protected IStepUpStore Store => _store.Value;

    /// <summary>Creates a fresh, empty store that reads the time from <paramref name="time"/>.</summary>
    protected abstract IStepUpStore CreateStore(TimeProvider time);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // ---- Verified phones -------------------------------------------------------------------------------------------

    [Fact]
    public async Task AUserWithoutAPhoneHasNone() =>
        Assert.Null(await Store.GetVerifiedPhoneAsync("alice", Token));

    [Fact]
    public async Task AnAttachedPhoneIsReadBackAsStored()
    {
        var phone = new VerifiedPhone(Phone, Start.AddTicks(1234567), PhoneChannel.Voice);

        await Store.SetVerifiedPhoneAsync("alice", phone, Token);

        Assert.Equal(phone, await Store.GetVerifiedPhoneAsync("alice", Token));
    }

    [Fact]
    public async Task AttachingAPhoneAgainReplacesIt()
    {
        await Store.SetVerifiedPhoneAsync("alice", new VerifiedPhone(Phone, Start, PhoneChannel.Sms), Token);
        var replacement = new VerifiedPhone("+447911123456", Start.AddMinutes(1), PhoneChannel.Voice);

        await Store.SetVerifiedPhoneAsync("alice", replacement, Token);

        Assert.Equal(replacement, await Store.GetVerifiedPhoneAsync("alice", Token));
    }

    [Fact]
    public async Task RemovingAPhoneSaysWhetherOneWasAttached()
    {
        await Store.SetVerifiedPhoneAsync("alice", new VerifiedPhone(Phone, Start, PhoneChannel.Sms), Token);

        Assert.True(await Store.RemoveVerifiedPhoneAsync("alice", Token));
        Assert.Null(await Store.GetVerifiedPhoneAsync("alice", Token));
        Assert.False(await Store.RemoveVerifiedPhoneAsync("alice", Token));
    }

    [Fact]
    public async Task PhonesAreKeptPerUser()
    {
        await Store.SetVerifiedPhoneAsync("alice", new VerifiedPhone(Phone, Start, PhoneChannel.Sms), Token);

        Assert.Null(await Store.GetVerifiedPhoneAsync("bob", Token));
        Assert.Equal(Phone, (await Store.GetVerifiedPhoneAsync("alice", Token))?.PhoneNumber);
    }

    // ---- Challenges ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ASavedChallengeIsReadBackWithEveryField()
    {
        var challenge = Challenge("alice", "c1", "123456") with
        {
            Purpose = ChallengePurpose.ChangePhone,
            Channel = PhoneChannel.Voice,
            ProviderRequestId = "req-1",
            TransactionDigest = "digest-1",
        };

        await Store.SaveChallengeAsync(challenge, Token);
        var read = await Store.GetChallengeAsync("alice", Token);

        Assert.NotNull(read);
        Assert.Equal(challenge with { CodeHash = null }, read with { CodeHash = null });
        Assert.Equal(challenge.CodeHash, read.CodeHash);
        Assert.Equal(0, read.Attempts);
    }

    [Fact]
    public async Task AUserWithoutAChallengeHasNone() =>
        Assert.Null(await Store.GetChallengeAsync("alice", Token));

    [Fact]
    public async Task SavingAChallengeReplacesTheUsersPreviousOne()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "111111"), Token);
        await Store.SaveChallengeAsync(Challenge("alice", "c2", "222222"), Token);

        Assert.Equal("c2", (await Store.GetChallengeAsync("alice", Token))?.ChallengeId);
        Assert.Equal(CodeCheckStatus.Expired, (await Store.CheckCodeAsync(Check("alice", "c1", "111111"), Token)).Status);
        Assert.Equal(CodeCheckStatus.Verified, (await Store.CheckCodeAsync(Check("alice", "c2", "222222"), Token)).Status);
    }

    [Fact]
    public async Task RemovingAChallengeNeedsItsId()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "111111"), Token);

        Assert.False(await Store.RemoveChallengeAsync("alice", "other", releaseCooldown: false, Token));
        Assert.NotNull(await Store.GetChallengeAsync("alice", Token));
        Assert.True(await Store.RemoveChallengeAsync("alice", "c1", releaseCooldown: false, Token));
        Assert.Null(await Store.GetChallengeAsync("alice", Token));
    }

    [Fact]
    public async Task RemovingAChallengeWithReleaseCooldownLiftsTheCooldown()
    {
        Assert.True((await Store.TryRecordSendAsync(Send("alice"), Token)).Allowed);
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "111111"), Token);
        Assert.Equal(SendLimitKind.Cooldown, (await Store.TryRecordSendAsync(Send("alice"), Token)).Limit);

        Assert.True(await Store.RemoveChallengeAsync("alice", "c1", releaseCooldown: true, Token));

        var permit = await Store.TryRecordSendAsync(Send("alice"), Token);
        Assert.True(permit.Allowed);
        Assert.Equal(2, permit.UserSendCount);
    }

    [Fact]
    public async Task RemovingAChallengeWithoutReleaseKeepsTheCooldown()
    {
        Assert.True((await Store.TryRecordSendAsync(Send("alice"), Token)).Allowed);
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "111111"), Token);

        Assert.True(await Store.RemoveChallengeAsync("alice", "c1", releaseCooldown: false, Token));

        Assert.Equal(SendLimitKind.Cooldown, (await Store.TryRecordSendAsync(Send("alice"), Token)).Limit);
    }

    // ---- Code checks -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task TheRightCodeVerifiesOnceAndConsumesTheChallenge()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "123456"), Token);

        var first = await Store.CheckCodeAsync(Check("alice", "c1", "123456"), Token);
        var second = await Store.CheckCodeAsync(Check("alice", "c1", "123456"), Token);

        Assert.Equal(CodeCheckStatus.Verified, first.Status);
        Assert.Equal(5, first.AttemptsLeft);
        Assert.Equal("c1", first.Challenge?.ChallengeId);
        Assert.Equal(Phone, first.Challenge?.PhoneNumber);
        Assert.Equal(CodeCheckStatus.Expired, second.Status);
        Assert.Null(await Store.GetChallengeAsync("alice", Token));
    }

    [Fact]
    public async Task AWrongCodeCountsOneTryOnTheChallenge()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "123456"), Token);

        var check = await Store.CheckCodeAsync(Check("alice", "c1", "000000"), Token);

        Assert.Equal(CodeCheckStatus.WrongCode, check.Status);
        Assert.Equal(4, check.AttemptsLeft);
        Assert.Null(check.Challenge);
        Assert.Equal(1, (await Store.GetChallengeAsync("alice", Token))?.Attempts);
    }

    [Fact]
    public async Task ACodeExpiresByTheCallersClock()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "123456"), Token);
        var expiresAt = Start + TimeSpan.FromMinutes(5);

        var atExpiry = await Store.CheckCodeAsync(Check("alice", "c1", "123456", now: expiresAt), Token);
        var justBefore = await Store.CheckCodeAsync(Check("alice", "c1", "123456", now: expiresAt - TimeSpan.FromMilliseconds(1)), Token);

        Assert.Equal(CodeCheckStatus.Expired, atExpiry.Status);
        Assert.Equal(CodeCheckStatus.Verified, justBefore.Status);
    }

    [Fact]
    public async Task AnotherChallengeIdIsTreatedAsExpired()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "123456"), Token);

        Assert.Equal(CodeCheckStatus.Expired, (await Store.CheckCodeAsync(Check("alice", "c2", "123456"), Token)).Status);
        Assert.Equal(CodeCheckStatus.Expired, (await Store.CheckCodeAsync(Check("bob", "c1", "123456"), Token)).Status);
        Assert.Equal(0, (await Store.GetChallengeAsync("alice", Token))?.Attempts);
    }

    [Fact]
    public async Task WhenTheChallengesTriesAreUsedUpEvenTheRightCodeIsRefused()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "123456"), Token);
        var lefts = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await Store.CheckCodeAsync(Check("alice", "c1", "000000"), Token);
            Assert.Equal(CodeCheckStatus.WrongCode, wrong.Status);
            lefts.Add(wrong.AttemptsLeft);
        }

        var right = await Store.CheckCodeAsync(Check("alice", "c1", "123456"), Token);

        Assert.Equal([4, 3, 2, 1, 0], lefts);
        Assert.Equal(CodeCheckStatus.TooManyAttempts, right.Status);
        Assert.Equal(0, right.AttemptsLeft);
        Assert.Equal(5, (await Store.GetChallengeAsync("alice", Token))?.Attempts);
    }

    [Fact]
    public async Task ANewChallengeDoesNotResetTheUsersFailureBudget()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "111111"), Token);
        for (var i = 0; i < 5; i++)
        {
            await Store.CheckCodeAsync(Check("alice", "c1", "000000", maxFailures: 8), Token);
        }

        await Store.SaveChallengeAsync(Challenge("alice", "c2", "222222"), Token);
        var first = await Store.CheckCodeAsync(Check("alice", "c2", "000000", maxFailures: 8), Token);
        await Store.CheckCodeAsync(Check("alice", "c2", "000000", maxFailures: 8), Token);
        var third = await Store.CheckCodeAsync(Check("alice", "c2", "000000", maxFailures: 8), Token);
        var right = await Store.CheckCodeAsync(Check("alice", "c2", "222222", maxFailures: 8), Token);

        Assert.Equal((CodeCheckStatus.WrongCode, 2), (first.Status, first.AttemptsLeft));
        Assert.Equal((CodeCheckStatus.WrongCode, 0), (third.Status, third.AttemptsLeft));
        Assert.Equal(CodeCheckStatus.TooManyAttempts, right.Status);
    }

    [Fact]
    public async Task SuccessClearsTheUsersFailureBudget()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "111111"), Token);
        for (var i = 0; i < 4; i++)
        {
            await Store.CheckCodeAsync(Check("alice", "c1", "000000", maxFailures: 6), Token);
        }

        Assert.Equal(CodeCheckStatus.Verified, (await Store.CheckCodeAsync(Check("alice", "c1", "111111", maxFailures: 6), Token)).Status);
        await Store.SaveChallengeAsync(Challenge("alice", "c2", "222222"), Token);
        var statuses = new List<CodeCheckStatus>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await Store.CheckCodeAsync(Check("alice", "c2", "000000", maxFailures: 6), Token)).Status);
        }

        Assert.All(statuses, s => Assert.Equal(CodeCheckStatus.WrongCode, s));
    }

    [Fact]
    public async Task TheFailureBudgetEndsWithItsWindowByTheCallersClock()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "111111"), Token);
        for (var i = 0; i < 5; i++)
        {
            await Store.CheckCodeAsync(Check("alice", "c1", "000000", maxFailures: 5), Token);
        }

        var later = Start + TimeSpan.FromMinutes(59);
        await Store.SaveChallengeAsync(Challenge("alice", "c2", "222222", createdAt: later), Token);
        var withinWindow = await Store.CheckCodeAsync(Check("alice", "c2", "222222", maxFailures: 5, now: later), Token);
        var afterWindow = await Store.CheckCodeAsync(Check("alice", "c2", "222222", maxFailures: 5, now: Start + TimeSpan.FromHours(1)), Token);

        Assert.Equal(CodeCheckStatus.TooManyAttempts, withinWindow.Status);
        Assert.Equal(CodeCheckStatus.Verified, afterWindow.Status);
    }

    [Fact]
    public async Task TriesLeftAreBoundedByTheUsersBudget()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "111111"), Token);
        for (var i = 0; i < 5; i++)
        {
            await Store.CheckCodeAsync(Check("alice", "c1", "000000", maxFailures: 7), Token);
        }

        await Store.SaveChallengeAsync(Challenge("alice", "c2", "222222"), Token);
        var check = await Store.CheckCodeAsync(Check("alice", "c2", "000000", maxFailures: 7), Token);

        Assert.Equal((CodeCheckStatus.WrongCode, 1), (check.Status, check.AttemptsLeft));
    }

    [Fact]
    public async Task AProvidersVerdictDecidesForProviderCheckedCodes()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", code: null) with { ProviderRequestId = "req-1" }, Token);

        var rejected = await Store.CheckCodeAsync(Check("alice", "c1", code: null) with { ProviderVerdict = false }, Token);
        var accepted = await Store.CheckCodeAsync(Check("alice", "c1", code: null) with { ProviderVerdict = true }, Token);

        Assert.Equal((CodeCheckStatus.WrongCode, 4), (rejected.Status, rejected.AttemptsLeft));
        Assert.Equal(CodeCheckStatus.Verified, accepted.Status);
        Assert.Equal("req-1", accepted.Challenge?.ProviderRequestId);
        Assert.Null(accepted.Challenge?.CodeHash);
        Assert.Equal(1, accepted.Challenge?.Attempts);
    }

    [Fact]
    public async Task AChallengeWithoutACodeHashMatchesNoTypedCode()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", code: null) with { ProviderRequestId = "req-1" }, Token);

        Assert.Equal(CodeCheckStatus.WrongCode, (await Store.CheckCodeAsync(Check("alice", "c1", "123456"), Token)).Status);
    }

    // ---- Sends -----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task TheFirstSendIsAllowedAndStartsTheCooldown()
    {
        var permit = await Store.TryRecordSendAsync(Send("alice"), Token);

        Assert.Equal(new SendPermit(true, SendLimitKind.None, TimeSpan.FromSeconds(30), 1), permit);
    }

    [Fact]
    public async Task ASendDuringTheCooldownIsRefusedWithTheTimeLeft()
    {
        await Store.TryRecordSendAsync(Send("alice"), Token);

        var permit = await Store.TryRecordSendAsync(Send("alice", now: Start + TimeSpan.FromSeconds(10)), Token);

        Assert.Equal(new SendPermit(false, SendLimitKind.Cooldown, TimeSpan.FromSeconds(20), 1), permit);
    }

    [Fact]
    public async Task TheCooldownDoublesWithEverySendUpToItsMaximum()
    {
        var limits = Limits() with { MaxCooldown = TimeSpan.FromSeconds(100) };
        var now = Start;
        var cooldowns = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var permit = await Store.TryRecordSendAsync(Send("alice", now: now, limits: limits), Token);
            Assert.True(permit.Allowed);
            cooldowns.Add(permit.RetryAfter);
            now += permit.RetryAfter;
        }

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(100)], cooldowns);
    }

    [Fact]
    public async Task ThePerUserLimitHoldsWithinTheWindowAndResetsAfterIt()
    {
        var limits = NoCooldown() with { PerUser = 3 };
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await Store.TryRecordSendAsync(Send("alice", phoneKey: "p" + i, limits: limits), Token)).Allowed);
        }

        var refused = await Store.TryRecordSendAsync(Send("alice", phoneKey: "p9", now: Start + TimeSpan.FromMinutes(15), limits: limits), Token);
        var afterWindow = await Store.TryRecordSendAsync(Send("alice", phoneKey: "p9", now: Start + TimeSpan.FromHours(1), limits: limits), Token);

        Assert.Equal(new SendPermit(false, SendLimitKind.User, TimeSpan.FromMinutes(45), 3), refused);
        Assert.Equal(new SendPermit(true, SendLimitKind.None, TimeSpan.Zero, 1), afterWindow);
    }

    [Fact]
    public async Task ThePerPhoneLimitIsSharedAcrossUsers()
    {
        var limits = NoCooldown() with { PerPhoneNumber = 2 };

        var alice = await Store.TryRecordSendAsync(Send("alice", phoneKey: "shared", limits: limits), Token);
        var bob = await Store.TryRecordSendAsync(Send("bob", phoneKey: "shared", limits: limits), Token);
        var carol = await Store.TryRecordSendAsync(Send("carol", phoneKey: "shared", limits: limits), Token);
        var carolElsewhere = await Store.TryRecordSendAsync(Send("carol", phoneKey: "own", limits: limits), Token);

        Assert.True(alice.Allowed && bob.Allowed);
        Assert.Equal(new SendPermit(false, SendLimitKind.PhoneNumber, TimeSpan.FromHours(1), 0), carol);
        Assert.True(carolElsewhere.Allowed);
    }

    [Fact]
    public async Task ThePerClientAddressLimitIsSharedAcrossUsersAndPhones()
    {
        var limits = NoCooldown() with { PerClientAddress = 2 };

        var first = await Store.TryRecordSendAsync(Send("alice", phoneKey: "p1", clientKey: "client", limits: limits), Token);
        var second = await Store.TryRecordSendAsync(Send("bob", phoneKey: "p2", clientKey: "client", limits: limits), Token);
        var third = await Store.TryRecordSendAsync(Send("carol", phoneKey: "p3", clientKey: "client", limits: limits), Token);
        var otherClient = await Store.TryRecordSendAsync(Send("carol", phoneKey: "p3", clientKey: "other", limits: limits), Token);

        Assert.True(first.Allowed && second.Allowed);
        Assert.Equal(SendLimitKind.ClientAddress, third.Limit);
        Assert.False(third.Allowed);
        Assert.True(otherClient.Allowed);
    }

    [Fact]
    public async Task ARefusedSendCountsNothing()
    {
        var limits = NoCooldown() with { PerUser = 5, PerPhoneNumber = 1, PerClientAddress = 2 };

        var first = await Store.TryRecordSendAsync(Send("alice", phoneKey: "p1", clientKey: "client", limits: limits), Token);
        var refusedByPhone = await Store.TryRecordSendAsync(Send("alice", phoneKey: "p1", clientKey: "client", limits: limits), Token);
        var second = await Store.TryRecordSendAsync(Send("alice", phoneKey: "p2", clientKey: "client", limits: limits), Token);
        var refusedByClient = await Store.TryRecordSendAsync(Send("alice", phoneKey: "p3", clientKey: "client", limits: limits), Token);
        var third = await Store.TryRecordSendAsync(Send("alice", phoneKey: "p3", clientKey: "other", limits: limits), Token);

        Assert.True(first.Allowed);
        Assert.Equal((false, SendLimitKind.PhoneNumber, 1), (refusedByPhone.Allowed, refusedByPhone.Limit, refusedByPhone.UserSendCount));
        Assert.Equal((true, 2), (second.Allowed, second.UserSendCount));
        Assert.Equal((false, SendLimitKind.ClientAddress, 2), (refusedByClient.Allowed, refusedByClient.Limit, refusedByClient.UserSendCount));
        Assert.Equal((true, 3), (third.Allowed, third.UserSendCount));
    }

    [Fact]
    public async Task ASendWithoutAClientAddressSkipsTheClientLimit()
    {
        var limits = NoCooldown() with { PerClientAddress = 1 };

        var alice = await Store.TryRecordSendAsync(Send("alice", phoneKey: "p1", clientKey: null, limits: limits), Token);
        var bob = await Store.TryRecordSendAsync(Send("bob", phoneKey: "p2", clientKey: null, limits: limits), Token);

        Assert.True(alice.Allowed && bob.Allowed);
    }

    // ---- Grants ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ASessionGrantIsReadOnlyForItsUserAndSession()
    {
        var grant = Grant("alice", "s1");

        await Store.SaveGrantAsync(grant, Token);

        Assert.Equal(grant, await Store.GetGrantAsync("alice", "s1", null, Token));
        Assert.Null(await Store.GetGrantAsync("alice", "s2", null, Token));
        Assert.Null(await Store.GetGrantAsync("bob", "s1", null, Token));
    }

    [Fact]
    public async Task ATransactionGrantIsSeparateFromTheSessionGrant()
    {
        var grant = Grant("alice", "s1", "digest-1");

        await Store.SaveGrantAsync(grant, Token);

        Assert.Null(await Store.GetGrantAsync("alice", "s1", null, Token));
        Assert.Null(await Store.GetGrantAsync("alice", "s1", "digest-2", Token));
        Assert.Equal(grant, await Store.GetGrantAsync("alice", "s1", "digest-1", Token));
    }

    [Fact]
    public async Task AGrantEndsAtItsExpiry()
    {
        await Store.SaveGrantAsync(Grant("alice", "s1"), Token);

        Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await Store.GetGrantAsync("alice", "s1", null, Token));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await Store.GetGrantAsync("alice", "s1", null, Token));
    }

    [Fact]
    public async Task SavingAGrantAgainReplacesIt()
    {
        await Store.SaveGrantAsync(Grant("alice", "s1"), Token);
        var newer = Grant("alice", "s1") with { Channel = PhoneChannel.Voice, VerifiedAt = Start.AddMinutes(1), ExpiresAt = Start.AddMinutes(20) };

        await Store.SaveGrantAsync(newer, Token);

        Assert.Equal(newer, await Store.GetGrantAsync("alice", "s1", null, Token));
    }

    [Fact]
    public async Task ATransactionGrantIsConsumedOnce()
    {
        var grant = Grant("alice", "s1", "digest-1");
        await Store.SaveGrantAsync(grant, Token);

        Assert.Equal(grant, await Store.ConsumeGrantAsync("alice", "s1", "digest-1", Token));
        Assert.Null(await Store.ConsumeGrantAsync("alice", "s1", "digest-1", Token));
        Assert.Null(await Store.GetGrantAsync("alice", "s1", "digest-1", Token));
    }

    [Fact]
    public async Task AnExpiredTransactionGrantIsNotHandedOut()
    {
        await Store.SaveGrantAsync(Grant("alice", "s1", "digest-1"), Token);
        Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Null(await Store.ConsumeGrantAsync("alice", "s1", "digest-1", Token));
    }

    [Fact]
    public async Task ConsumingAnotherTransactionLeavesTheGrantAlone()
    {
        var grant = Grant("alice", "s1", "digest-1");
        await Store.SaveGrantAsync(grant, Token);

        Assert.Null(await Store.ConsumeGrantAsync("alice", "s1", "digest-2", Token));
        Assert.Null(await Store.ConsumeGrantAsync("alice", "s2", "digest-1", Token));
        Assert.Equal(grant, await Store.GetGrantAsync("alice", "s1", "digest-1", Token));
    }

    [Fact]
    public async Task RevokingEndsEveryGrantOfThatSessionOnly()
    {
        await Store.SaveGrantAsync(Grant("alice", "s1"), Token);
        await Store.SaveGrantAsync(Grant("alice", "s1", "digest-1"), Token);
        await Store.SaveGrantAsync(Grant("alice", "s2"), Token);
        await Store.SaveGrantAsync(Grant("bob", "s1"), Token);

        await Store.RevokeGrantsAsync("alice", "s1", Token);

        Assert.Null(await Store.GetGrantAsync("alice", "s1", null, Token));
        Assert.Null(await Store.GetGrantAsync("alice", "s1", "digest-1", Token));
        Assert.NotNull(await Store.GetGrantAsync("alice", "s2", null, Token));
        Assert.NotNull(await Store.GetGrantAsync("bob", "s1", null, Token));
    }

    // ---- Secrets ---------------------------------------------------------------------------------------------------

    [Fact]
    public async Task TheFirstSecretCandidateWinsAndIsKept()
    {
        var first = await Store.GetOrAddSecretAsync("key", [1, 2, 3], Token);
        var second = await Store.GetOrAddSecretAsync("key", [4, 5, 6], Token);
        var other = await Store.GetOrAddSecretAsync("other", [7], Token);

        Assert.Equal([1, 2, 3], first);
        Assert.Equal([1, 2, 3], second);
        Assert.Equal([7], other);
    }

    [Fact]
    public async Task ParallelSecretCandidatesAllGetTheSameSecret()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => Store.GetOrAddSecretAsync("key", RandomNumberGenerator.GetBytes(32), Token), Token)));

        Assert.Single(results.Select(Convert.ToBase64String).Distinct());
    }

    // ---- Concurrency -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task FiftyParallelWrongCodesCountExactlyTheTryLimit()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "123456"), Token);

        var checks = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => Store.CheckCodeAsync(Check("alice", "c1", (100000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), Token), Token)));

        Assert.Equal(5, checks.Count(c => c.Status == CodeCheckStatus.WrongCode));
        Assert.Equal(45, checks.Count(c => c.Status == CodeCheckStatus.TooManyAttempts));
        Assert.Equal(5, (await Store.GetChallengeAsync("alice", Token))?.Attempts);
        Assert.Equal(CodeCheckStatus.TooManyAttempts, (await Store.CheckCodeAsync(Check("alice", "c1", "123456"), Token)).Status);
    }

    [Fact]
    public async Task TenParallelRightCodesVerifyExactlyOnce()
    {
        await Store.SaveChallengeAsync(Challenge("alice", "c1", "123456"), Token);

        var checks = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => Store.CheckCodeAsync(Check("alice", "c1", "123456"), Token), Token)));

        Assert.Single(checks, c => c.Status == CodeCheckStatus.Verified);
        Assert.Equal(9, checks.Count(c => c.Status == CodeCheckStatus.Expired));
    }

    [Fact]
    public async Task ParallelSendsOfOneUserHoldTheUserLimitExactly()
    {
        var limits = NoCooldown() with { PerUser = 5 };

        var permits = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Store.TryRecordSendAsync(Send("alice", phoneKey: "p" + i, limits: limits), Token), Token)));

        Assert.Equal(5, permits.Count(p => p.Allowed));
        Assert.All(permits.Where(p => !p.Allowed), p => Assert.Equal(SendLimitKind.User, p.Limit));
        Assert.Equal([1, 2, 3, 4, 5], permits.Where(p => p.Allowed).Select(p => p.UserSendCount).Order());
    }

    [Fact]
    public async Task ParallelSendsToOnePhoneHoldThePhoneLimitExactly()
    {
        var limits = NoCooldown() with { PerPhoneNumber = 3 };

        var permits = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Store.TryRecordSendAsync(Send("user" + i, phoneKey: "shared", limits: limits), Token), Token)));

        Assert.Equal(3, permits.Count(p => p.Allowed));
        Assert.All(permits.Where(p => !p.Allowed), p => Assert.Equal(SendLimitKind.PhoneNumber, p.Limit));
    }

    [Fact]
    public async Task ParallelSendsOfOneUserWithACooldownLetOneThrough()
    {
        var permits = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => Store.TryRecordSendAsync(Send("alice", phoneKey: "p" + i), Token), Token)));

        Assert.Single(permits, p => p.Allowed);
        Assert.All(permits.Where(p => !p.Allowed), p => Assert.Equal(SendLimitKind.Cooldown, p.Limit));
    }

    [Fact]
    public async Task ParallelConsumesOfOneGrantHaveOneWinner()
    {
        await Store.SaveGrantAsync(Grant("alice", "s1", "digest-1"), Token);

        var grants = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => Store.ConsumeGrantAsync("alice", "s1", "digest-1", Token), Token)));

        Assert.Single(grants, g => g is not null);
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------------

    /// <summary>A stand-in for StepUp's code HMAC: stores compare bytes and never compute it.</summary>
    protected static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes("code\n" + code));

    /// <summary>A pending challenge for <paramref name="userId"/>, valid for 5 minutes from <paramref name="createdAt"/>.</summary>
    protected static PendingChallenge Challenge(string userId, string challengeId, string? code, DateTimeOffset? createdAt = null) => new()
    {
        ChallengeId = challengeId,
        UserId = userId,
        Purpose = ChallengePurpose.StepUp,
        Channel = PhoneChannel.Sms,
        PhoneNumber = Phone,
        CodeHash = code is null ? null : Hash(code),
        CreatedAt = createdAt ?? Start,
        ExpiresAt = (createdAt ?? Start) + TimeSpan.FromMinutes(5),
    };

    /// <summary>A code check: 5 tries per challenge, 10 failures per user per hour.</summary>
    protected static CodeCheckRequest Check(string userId, string challengeId, string? code, int maxFailures = 10, DateTimeOffset? now = null) =>
        new(userId, challengeId, code is null ? null : Hash(code), null, now ?? Start, 5, maxFailures, TimeSpan.FromHours(1));

    /// <summary>The defaults: 5 per user and phone, 20 per client, 1 hour window, 30 s cooldown doubling up to 10 minutes.</summary>
    protected static SendLimits Limits() => new(5, 5, 20, TimeSpan.FromHours(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));

    /// <summary>The defaults without cooldown, to reach the counting limits.</summary>
    protected static SendLimits NoCooldown() => Limits() with { Cooldown = TimeSpan.Zero, MaxCooldown = TimeSpan.Zero };

    /// <summary>One send attempt.</summary>
    protected static SendAttempt Send(string userId, string phoneKey = "phone-hmac", string? clientKey = "client-hmac", DateTimeOffset? now = null, SendLimits? limits = null) =>
        new(userId, phoneKey, clientKey, now ?? Start, limits ?? Limits());

    /// <summary>A grant earned at the start, kept for 10 minutes.</summary>
    protected static StepUpGrant Grant(string userId, string sessionId, string? transactionDigest = null) =>
        new(userId, sessionId, transactionDigest, PhoneChannel.Sms, Start, Start + TimeSpan.FromMinutes(10));
}

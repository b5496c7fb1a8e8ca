using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace BankingApp.Banking;

/// <summary>
/// The ledger in Redis (<c>ConnectionStrings:Redis</c>), shared by every instance: a transfer begun on one can be confirmed
/// on another. One user's keys share a hash tag (<c>{userId}</c>) so each script touches one slot; balances are whole cents;
/// executing is one Lua script, so two instances confirming at once still move the money once.
/// </summary>
public sealed class RedisLedger([FromKeyedServices(LedgerServiceCollectionExtensions.RedisConnectionKey)] IConnectionMultiplexer redis, TimeProvider time) : ILedger
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // KEYS: balances, executed. ARGV: transfer id, source account, amount in cents, the executed transfer as JSON.
    // Answers the executed transfer (the earlier one when it ran before), or an empty string when the balance is too low.
    private const string ExecuteScript = """
        local done = redis.call('HGET', KEYS[2], ARGV[1])
        if done then return done end
        local balance = tonumber(redis.call('HGET', KEYS[1], ARGV[2]) or '0')
        local amount = tonumber(ARGV[3])
        if amount <= 0 or amount > balance then return '' end
        redis.call('HINCRBY', KEYS[1], ARGV[2], -amount)
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
        return ARGV[4]
        """;

    // KEYS: pending, executed. ARGV: transfer id, the changed transfer as JSON. Changes only a transfer not executed yet.
    private const string ChangeScript = """
        if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 or redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    /// <inheritdoc />
    public async Task<IReadOnlyList<BankAccount>> AccountsOfAsync(string userId)
    {
        var balances = Key(userId, "balances");
        foreach (var account in BankAccount.Opening)
        {
            await Db.HashSetAsync(balances, account.Number, Cents(account.Balance), When.NotExists);
        }

        var stored = (await Db.HashGetAllAsync(balances)).ToDictionary(e => e.Name.ToString(), e => (long)e.Value, StringComparer.Ordinal);
        return [.. BankAccount.Opening.Select(a => a with { Balance = FromCents(stored[a.Number]) })];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Transfer>> TransfersOfAsync(string userId) =>
        [.. (await Db.HashValuesAsync(Key(userId, "executed"))).Select(v => Read<Transfer>(v)).OrderByDescending(t => t.At)];

    /// <inheritdoc />
    public async Task<PendingTransfer> SaveAsync(string userId, Guid? id, string payeeName, string payeeIban, decimal amount)
    {
        if (id is { } existing && await FindAsync(userId, existing) is { } current)
        {
            var changed = current.Change(payeeName, payeeIban, amount);
            var saved = (int)await Db.ScriptEvaluateAsync(ChangeScript, [Key(userId, "pending"), Key(userId, "executed")], [Field(existing), Write(changed)]);
            if (saved == 1)
            {
                return changed;
            }
        }

        var created = PendingTransfer.Create(userId, payeeName, payeeIban, amount);
        await Db.HashSetAsync(Key(userId, "pending"), Field(created.Id), Write(created));
        return created;
    }

    /// <inheritdoc />
    public async Task<PendingTransfer?> FindAsync(string userId, Guid id) =>
        await Db.HashGetAsync(Key(userId, "pending"), Field(id)) is { HasValue: true } value ? Read<PendingTransfer>(value) : null;

    /// <inheritdoc />
    public async Task<Transfer?> ExecutedAsync(string userId, Guid id) =>
        await Db.HashGetAsync(Key(userId, "executed"), Field(id)) is { HasValue: true } value ? Read<Transfer>(value) : null;

    /// <inheritdoc />
    public async Task<Transfer> ExecuteAsync(PendingTransfer pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var source = BankAccount.Opening[0].Number;
        await AccountsOfAsync(pending.UserId); // opens the accounts on first sight
        var result = (string?)await Db.ScriptEvaluateAsync(
            ExecuteScript,
            [Key(pending.UserId, "balances"), Key(pending.UserId, "executed")],
            [Field(pending.Id), source, Cents(pending.Amount), Write(pending.Executed(source, time.GetUtcNow()))]);
        return string.IsNullOrEmpty(result) ? throw new InvalidOperationException(PendingTransfer.NotCovered) : Read<Transfer>(result);
    }

    private static RedisKey Key(string userId, string name) => $"bankingapp:{{{userId}}}:{name}";

    private static RedisValue Field(Guid id) => id.ToString("N");

    private static long Cents(decimal amount) => decimal.ToInt64(amount * 100);

    // Scale 2 (12000.00, not 12000), as the in-memory ledger shows it. Balances never go below zero.
    private static decimal FromCents(long cents) => new((int)(cents & uint.MaxValue), (int)(cents >> 32), 0, isNegative: false, scale: 2);

    private static RedisValue Write<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static T Read<T>(RedisValue value) => JsonSerializer.Deserialize<T>(value.ToString(), Json)!;
}

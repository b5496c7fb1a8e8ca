using StackExchange.Redis;

namespace StepUp.Redis.Store;

/// <summary>
/// The store's atomic operations, one Lua script each, run in one round trip (EVALSHA, falling back to EVAL when Redis
/// does not know the script, e.g. after a restart). Every key of a script shares one hash slot (see <see cref="RedisKeys"/>),
/// so they run unchanged on Redis Cluster. Times are the caller's, in Unix milliseconds; a key's own expiry
/// (<c>PEXPIRE</c>, relative) is only a clean-up bound that outlives the logical expiry by <c>@slack</c>.
/// </summary>
internal static class RedisScripts
{
    /// <summary>Replaces the user's pending challenge; the failure budget (another key) is left alone.</summary>
    public static readonly LuaScript SaveChallenge = LuaScript.Prepare(
        """
        redis.call('DEL', @challenge)
        redis.call('HSET', @challenge, 'id', @id, 'exp', @expiresAt, 'att', @attempts, 'data', @data)
        if tonumber(@hasCode) == 1 then
          redis.call('HSET', @challenge, 'code', @code)
        end
        redis.call('PEXPIRE', @challenge, @ttl)
        return 1
        """);

    /// <summary>Removes the user's pending challenge if it is still <c>@id</c>. Answers 1 when removed.</summary>
    public static readonly LuaScript RemoveChallenge = LuaScript.Prepare(
        """
        if redis.call('HGET', @challenge, 'id') == @id then
          redis.call('DEL', @challenge)
          return 1
        end
        return 0
        """);

    /// <summary>
    /// Checks a code against the pending challenge. Answers <c>{status, attemptsLeft[, data, attempts, code]}</c> with
    /// status 1 Verified (challenge consumed, failures cleared), 2 WrongCode (one try counted on the challenge and the user),
    /// 3 Expired, 4 TooManyAttempts (nothing compared). The HMACs are compared in constant time: every byte is read.
    /// </summary>
    public static readonly LuaScript CheckCode = LuaScript.Prepare(
        """
        local now = tonumber(@now)
        local maxAttempts = tonumber(@maxAttempts)
        local maxFailures = tonumber(@maxFailures)
        local c = redis.call('HMGET', @challenge, 'id', 'exp', 'att', 'code', 'data')
        if not c[1] or c[1] ~= @id or tonumber(c[2]) <= now then
          return {3, 0}
        end
        local attempts = tonumber(c[3])
        local f = redis.call('HMGET', @failures, 'n', 'end')
        local failures = 0
        if f[1] and tonumber(f[2]) > now then
          failures = tonumber(f[1])
        end
        if attempts >= maxAttempts or failures >= maxFailures then
          return {4, 0}
        end
        local match = false
        local verdict = tonumber(@verdict)
        if verdict >= 0 then
          match = verdict == 1
        else
          local stored = c[4]
          local given = @codeHash
          if stored and #given > 0 and #stored == #given then
            local diff = 0
            for i = 1, #given do
              diff = bit.bor(diff, bit.bxor(string.byte(stored, i), string.byte(given, i)))
            end
            match = diff == 0
          end
        end
        if match then
          redis.call('DEL', @challenge, @failures)
          return {1, maxAttempts - attempts, c[5], attempts, c[4] or ''}
        end
        attempts = attempts + 1
        redis.call('HSET', @challenge, 'att', attempts)
        local failureEnd
        if failures == 0 then
          failureEnd = now + tonumber(@window)
          redis.call('HSET', @failures, 'n', 1, 'end', failureEnd)
        else
          failureEnd = tonumber(f[2])
          redis.call('HSET', @failures, 'n', failures + 1)
        end
        redis.call('PEXPIRE', @failures, math.max(failureEnd - now, 0) + tonumber(@slack))
        return {2, math.max(0, math.min(maxAttempts - attempts, maxFailures - failures - 1))}
        """);

    /// <summary>
    /// Counts one send against the user, phone and client counters and the user's cooldown, all or nothing. Answers
    /// <c>{allowed, limit, retryAfterMs, userSendCount}</c>; limit 1 Cooldown, 2 User, 3 PhoneNumber, 4 ClientAddress.
    /// Each counter is a hash <c>{n, end}</c> with a fixed window from its first send; the cooldown is field <c>cd</c> of
    /// the user's counter.
    /// </summary>
    public static readonly LuaScript RecordSend = LuaScript.Prepare(
        """
        local now = tonumber(@now)
        local window = tonumber(@window)
        local slack = tonumber(@slack)
        local function current(key)
          local v = redis.call('HMGET', key, 'n', 'end')
          if v[1] and tonumber(v[2]) > now then
            return tonumber(v[1]), tonumber(v[2])
          end
          return 0, now + window
        end
        local userCount, userEnd = current(@user)
        local cooldownUntil = tonumber(redis.call('HGET', @user, 'cd') or '0')
        if cooldownUntil > now then
          return {0, 1, cooldownUntil - now, userCount}
        end
        if userCount >= tonumber(@perUser) then
          return {0, 2, userEnd - now, userCount}
        end
        local phoneCount, phoneEnd = current(@phone)
        if phoneCount >= tonumber(@perPhone) then
          return {0, 3, phoneEnd - now, userCount}
        end
        local hasClient = tonumber(@hasClient) == 1
        local clientCount, clientEnd = 0, now + window
        if hasClient then
          clientCount, clientEnd = current(@client)
          if clientCount >= tonumber(@perClient) then
            return {0, 4, clientEnd - now, userCount}
          end
        end
        local function bump(key, count, ends)
          if count == 0 then
            redis.call('HSET', key, 'n', 1, 'end', ends)
          else
            redis.call('HINCRBY', key, 'n', 1)
          end
          return count + 1
        end
        userCount = bump(@user, userCount, userEnd)
        bump(@phone, phoneCount, phoneEnd)
        redis.call('PEXPIRE', @phone, phoneEnd - now + slack)
        if hasClient then
          bump(@client, clientCount, clientEnd)
          redis.call('PEXPIRE', @client, clientEnd - now + slack)
        end
        local cooldown = math.min(tonumber(@cooldown) * math.pow(2, math.min(userCount - 1, 20)), tonumber(@maxCooldown))
        cooldown = math.floor(cooldown)
        redis.call('HSET', @user, 'cd', now + cooldown)
        redis.call('PEXPIRE', @user, math.max(userEnd - now, cooldown) + slack)
        return {1, 0, cooldown, userCount}
        """);

    /// <summary>
    /// Records a grant in the session's grant hash (field <c>s</c> for the session, <c>t:&lt;digest&gt;</c> per transaction),
    /// drops fields past their expiry and keeps the hash until its last grant expires. Values are
    /// <c>&lt;expiresAtMs&gt;:&lt;json&gt;</c>.
    /// </summary>
    public static readonly LuaScript SaveGrant = LuaScript.Prepare(
        """
        local now = tonumber(@now)
        redis.call('HSET', @grants, @field, @value)
        local all = redis.call('HGETALL', @grants)
        local last = now
        for i = 1, #all, 2 do
          local ends = tonumber(string.match(all[i + 1], '^(%d+):'))
          if not ends or ends <= now then
            if all[i] ~= @field then
              redis.call('HDEL', @grants, all[i])
            end
          elseif ends > last then
            last = ends
          end
        end
        redis.call('PEXPIRE', @grants, last - now + tonumber(@slack))
        return 1
        """);

    /// <summary>Removes and answers one grant field, so that under any concurrency one caller gets it.</summary>
    public static readonly LuaScript ConsumeGrant = LuaScript.Prepare(
        """
        local value = redis.call('HGET', @grants, @field)
        if value then
          redis.call('HDEL', @grants, @field)
        end
        return value
        """);

    /// <summary>Answers the stored secret, storing the candidate first when there is none (SET NX, then GET).</summary>
    public static readonly LuaScript GetOrAddSecret = LuaScript.Prepare(
        """
        local value = redis.call('GET', @secret)
        if value then
          return value
        end
        redis.call('SET', @secret, @candidate)
        return @candidate
        """);
}

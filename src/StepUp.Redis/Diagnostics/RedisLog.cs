using Microsoft.Extensions.Logging;

namespace StepUp.Redis.Diagnostics;

/// <summary>
/// Log messages of the Redis store (event ids 300–399, never changed once shipped). No message carries a key name, a
/// configuration string, a phone number, a code or a secret; a Redis failure is logged by its exception type only, because
/// StackExchange.Redis puts key names into its messages.
/// </summary>
internal static partial class RedisLog
{
    [LoggerMessage(300, LogLevel.Error, "Redis store operation {Operation} failed ({ExceptionType}{ServerError}); protected endpoints answer 503 until Redis answers again.", EventName = "RedisOperationFailed")]
    public static partial void OperationFailed(this ILogger logger, string operation, string exceptionType, string serverError);

    [LoggerMessage(301, LogLevel.Information, "Connecting the StepUp store to Redis ({EndpointCount} endpoint(s)).", EventName = "RedisConnecting")]
    public static partial void Connecting(this ILogger logger, int endpointCount);

    [LoggerMessage(302, LogLevel.Information, "The StepUp store shares the app's registered IConnectionMultiplexer.", EventName = "RedisSharedMultiplexer")]
    public static partial void UsingAppMultiplexer(this ILogger logger);

    [LoggerMessage(303, LogLevel.Warning, "The StepUp Redis connection to an endpoint failed ({FailureType}); it reconnects by itself.", EventName = "RedisConnectionFailed")]
    public static partial void ConnectionFailed(this ILogger logger, string failureType);

    [LoggerMessage(304, LogLevel.Information, "The StepUp Redis connection to an endpoint is restored.", EventName = "RedisConnectionRestored")]
    public static partial void ConnectionRestored(this ILogger logger);

    [LoggerMessage(305, LogLevel.Warning,
        "AddRedisStore() found no Redis connection (ConnectionStrings:Redis, StepUp:Redis:Configuration or an IConnectionMultiplexer); StepUp uses its in-memory store, for Development only.",
        EventName = "RedisNotConfigured")]
    public static partial void NotConfigured(this ILogger logger);

    [LoggerMessage(306, LogLevel.Error,
        "A stored {ValueKind} cannot be read with this app's Data Protection keys, or belongs to another user; every instance must share its Data Protection keys (PersistDataProtectionKeys()).",
        EventName = "RedisValueUnreadable")]
    public static partial void ValueUnreadable(this ILogger logger, string valueKind);
}

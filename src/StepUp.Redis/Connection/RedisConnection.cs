using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StepUp.Redis.Diagnostics;

namespace StepUp.Redis.Connection;

/// <summary>
/// The one multiplexer the store (and Data Protection) share: StepUp's own, connected on first use with
/// <c>abortConnect=false</c> so it keeps reconnecting by itself, or the app's registered <see cref="IConnectionMultiplexer"/>.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    private readonly RedisStepUpStoreOptions _options;
    private readonly ILogger _logger;
    private readonly IConnectionMultiplexer? _appMultiplexer;
    private readonly Lock _lock = new();
    private Task<IConnectionMultiplexer>? _connect;

    public RedisConnection(IOptions<RedisStepUpStoreOptions> options, IServiceProvider services, ILogger<RedisConnection> logger)
    {
        _options = options.Value;
        _logger = logger;
        if (_options.Configuration is null && RedisStepUpStoreOptionsSetup.UsesAppMultiplexer(services))
        {
            _appMultiplexer = services.GetRequiredService<IConnectionMultiplexer>();
            _logger.UsingAppMultiplexer();
        }
    }

    /// <summary>Whether a Redis connection is configured at all (otherwise the in-memory store is used, in Development).</summary>
    public bool IsConfigured => _appMultiplexer is not null || _options.Configuration is not null;

    /// <summary>The database, connecting first if needed. With <c>abortConnect=false</c> this does not fail while Redis is down.</summary>
    public async Task<IDatabase> GetDatabaseAsync()
    {
        var multiplexer = _appMultiplexer ?? await Connecting().ConfigureAwait(false);
        return multiplexer.GetDatabase();
    }

    /// <summary>The multiplexer (for pub/sub), connecting first if needed.</summary>
    public async Task<IConnectionMultiplexer> GetMultiplexerAsync() => _appMultiplexer ?? await Connecting().ConfigureAwait(false);

    /// <summary>
    /// The database for Data Protection's synchronous key repository. Blocks at most for one connection attempt
    /// (<see cref="RedisStepUpStoreOptions.ConnectTimeout"/>) the first time.
    /// </summary>
    public IDatabase GetDatabase() =>
        (_appMultiplexer ?? Connecting().GetAwaiter().GetResult()).GetDatabase();

    /// <summary>Builds StepUp's connection settings: the configured string, then StepUp's resilience settings, then the app's adjustments.</summary>
    internal static ConfigurationOptions BuildConfiguration(RedisStepUpStoreOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.Configuration ?? throw new InvalidOperationException("No Redis configuration."));
        configuration.AbortOnConnectFail = false;
        var operationMilliseconds = (int)Math.Ceiling(options.OperationTimeout.TotalMilliseconds);
        configuration.AsyncTimeout = operationMilliseconds;
        configuration.SyncTimeout = operationMilliseconds;
        configuration.ConnectTimeout = (int)Math.Ceiling(options.ConnectTimeout.TotalMilliseconds);
        configuration.ReconnectRetryPolicy ??= new ExponentialRetry(deltaBackOffMilliseconds: 500, maxDeltaBackOffMilliseconds: 5000);
        configuration.ClientName ??= "StepUp";
        options.ConfigureConnection?.Invoke(configuration);
        return configuration;
    }

    public async ValueTask DisposeAsync()
    {
        if (_appMultiplexer is null && _connect is { IsCompletedSuccessfully: true } connected)
        {
            await connected.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_appMultiplexer is null && _connect is { IsCompletedSuccessfully: true } connected)
        {
            connected.Result.Dispose();
        }
    }

    /// <summary>
    /// The one connection attempt in flight or done. With <c>abortConnect=false</c> it normally never fails; if it ever
    /// does, the next call starts a new one, so the app recovers without a restart.
    /// </summary>
    private Task<IConnectionMultiplexer> Connecting()
    {
        lock (_lock)
        {
            if (_connect is null || _connect.IsFaulted || _connect.IsCanceled)
            {
                _connect = ConnectAsync();
            }

            return _connect;
        }
    }

    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        var configuration = BuildConfiguration(_options);
        _logger.Connecting(configuration.EndPoints.Count);
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        multiplexer.ConnectionFailed += (_, e) => _logger.ConnectionFailed(e.FailureType.ToString());
        multiplexer.ConnectionRestored += (_, _) => _logger.ConnectionRestored();
        return multiplexer;
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Store;
using StepUp.Redis.Connection;
using StepUp.Redis.Store;
using StepUp.Redis.Tests.Infrastructure;

namespace StepUp.Redis.Tests.Configuration;

public sealed class AddRedisStoreTests(RedisServerFixture redis)
{
    private readonly string _prefix = RedisStores.NewPrefix();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddRedisStoreReplacesTheInMemoryStore()
    {
        await using var services = Build(configure: o => o.Configuration = redis.Configuration);

        var store = services.GetRequiredService<IStepUpStore>();

        Assert.IsType<RedisStepUpStore>(store);
        await AssertRoundTripAsync(store);
    }

    [Fact]
    public async Task ConnectionStringsRedisIsUsedWhenNothingElseNamesAConnection()
    {
        await using var services = Build(settings: new() { ["ConnectionStrings:Redis"] = redis.Configuration });

        Assert.Equal(redis.Configuration, services.GetRequiredService<IOptions<RedisStepUpStoreOptions>>().Value.Configuration);
        await AssertRoundTripAsync(services.GetRequiredService<IStepUpStore>());
    }

    [Fact]
    public void TheStepUpRedisSectionIsBound()
    {
        using var services = Build(settings: new()
        {
            ["ConnectionStrings:Redis"] = redis.Configuration,
            ["StepUp:Redis:KeyPrefix"] = "bank:",
            ["StepUp:Redis:OperationTimeout"] = "00:00:01",
            ["StepUp:Redis:VerifiedPhoneLifetime"] = "30.00:00:00",
            ["StepUp:Redis:PersistDataProtectionKeys"] = "true",
        },
        ownPrefix: false);

        var options = services.GetRequiredService<IOptions<RedisStepUpStoreOptions>>().Value;

        Assert.Equal("bank:", options.KeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(1), options.OperationTimeout);
        Assert.Equal(TimeSpan.FromDays(30), options.VerifiedPhoneLifetime);
        Assert.True(options.PersistDataProtectionKeys);
        Assert.Equal("bank:DataProtection-Keys", options.EffectiveDataProtectionKeysKey);
    }

    [Fact]
    public async Task AnAppRegisteredMultiplexerIsSharedAndLeftOpen()
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var provider = Build(
            settings: new() { ["ConnectionStrings:Redis"] = "unused.invalid:6379" },
            services: s => s.AddSingleton<IConnectionMultiplexer>(multiplexer));

        Assert.Null(provider.GetRequiredService<IOptions<RedisStepUpStoreOptions>>().Value.Configuration);
        await AssertRoundTripAsync(provider.GetRequiredService<IStepUpStore>());
        provider.GetRequiredService<RedisConnection>().Dispose();

        Assert.True(multiplexer.IsConnected);
        await provider.DisposeAsync();
        await multiplexer.DisposeAsync();
    }

    [Fact]
    public void WithoutAConnectionDevelopmentKeepsTheInMemoryStore()
    {
        using var services = Build(environment: Environments.Development);

        Assert.IsType<InMemoryStepUpStore>(services.GetRequiredService<IStepUpStore>());
    }

    [Fact]
    public void WithoutAConnectionOtherEnvironmentsRefuseToStartAndSayWhatToSet()
    {
        using var services = Build(environment: Environments.Production);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RedisStepUpStoreOptions>>().Value);

        Assert.Contains("ConnectionStrings:Redis", ex.Message, StringComparison.Ordinal);
        Assert.Contains("StepUp:Redis:Configuration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSettingsAreRefusedNamingTheirKeys()
    {
        using var services = Build(configure: o =>
        {
            o.Configuration = redis.Configuration;
            o.KeyPrefix = "app{1}:";
            o.OperationTimeout = TimeSpan.Zero;
            o.ConnectTimeout = TimeSpan.FromMinutes(5);
            o.VerifiedPhoneLifetime = TimeSpan.Zero;
            o.DataProtectionKeysKey = " ";
        });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RedisStepUpStoreOptions>>().Value);

        Assert.Equal(5, ex.Failures.Count());
        foreach (var key in new[] { "KeyPrefix", "OperationTimeout", "ConnectTimeout", "VerifiedPhoneLifetime", "DataProtectionKeysKey" })
        {
            Assert.Contains(ex.Failures, f => f.StartsWith("StepUp:Redis:" + key + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AnInvalidConfigurationStringIsRefusedWithoutRepeatingIt()
    {
        using var services = Build(configure: o => o.Configuration = "localhost:6379,password=hunter2,connectTimeout=soon");

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RedisStepUpStoreOptions>>().Value);

        Assert.Contains("StepUp:Redis:Configuration", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CallingAddRedisStoreTwiceIsHarmless()
    {
        var services = new ServiceCollection();
        var builder = services.AddStepUp();

        builder.AddRedisStore().AddRedisStore().PersistDataProtectionKeys().PersistDataProtectionKeys();

        Assert.Single(services, d => d.ServiceType == typeof(IStepUpStore));
        Assert.Single(services, d => d.ServiceType == typeof(RedisConnection));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<RedisStepUpStoreOptions>));
    }

    [Fact]
    public void StepUpsOwnConnectionNeverAbortsOnConnectFailureAndUsesTheOperationTimeout()
    {
        var configuration = RedisConnection.BuildConfiguration(new RedisStepUpStoreOptions
        {
            Configuration = "localhost:6379,abortConnect=true",
            OperationTimeout = TimeSpan.FromMilliseconds(1500),
        });

        Assert.False(configuration.AbortOnConnectFail);
        Assert.Equal(1500, configuration.AsyncTimeout);
        Assert.Equal(1500, configuration.SyncTimeout);
        Assert.Equal(5000, configuration.ConnectTimeout);
    }

    [Fact]
    public async Task PersistedDataProtectionKeysLetAnotherInstanceReadWhatOneProtected()
    {
        await using var first = Build(configure: o => o.Configuration = redis.Configuration, persistKeys: true);
        await using var second = Build(configure: o => o.Configuration = redis.Configuration, persistKeys: true);

        var token = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("shared across instances");
        var read = second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(token);

        Assert.Equal("shared across instances", read);
        Assert.Equal(1, await redis.Inspector.GetDatabase().ListLengthAsync(_prefix + "DataProtection-Keys"));
    }

    private ServiceProvider Build(
        Dictionary<string, string?>? settings = null,
        Action<RedisStepUpStoreOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        string environment = "Development",
        bool persistKeys = false,
        bool ownPrefix = true)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        collection.AddSingleton<IHostEnvironment>(new TestEnvironment(environment));
        collection.AddDataProtection().SetApplicationName("StepUp.Redis.Tests.Configuration");
        services?.Invoke(collection);
        var builder = collection.AddStepUp().AddRedisStore(o =>
        {
            if (ownPrefix)
            {
                o.KeyPrefix = _prefix;
            }

            configure?.Invoke(o);
        });
        if (persistKeys)
        {
            builder.PersistDataProtectionKeys();
        }

        return collection.BuildServiceProvider();
    }

    private static async Task AssertRoundTripAsync(IStepUpStore store)
    {
        var phone = new VerifiedPhone("+31612345634", DateTimeOffset.UtcNow, PhoneChannel.Sms);
        await store.SetVerifiedPhoneAsync("alice", phone, Token);
        Assert.Equal(phone, await store.GetVerifiedPhoneAsync("alice", Token));
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "StepUp.Redis.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}

using System.Text.Json.Serialization;

namespace StepUp.Redis.Store;

/// <summary>Source-generated JSON for the values the store keeps.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredVerifiedPhone))]
[JsonSerializable(typeof(StoredChallenge))]
[JsonSerializable(typeof(StoredGrant))]
internal sealed partial class RedisStoreJsonContext : JsonSerializerContext;

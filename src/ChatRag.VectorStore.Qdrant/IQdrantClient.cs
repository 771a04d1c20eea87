using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>
/// The exact Qdrant calls the index makes, with Qdrant.Client's own request and reply types.
/// Production forwards to <see cref="global::Qdrant.Client.QdrantClient"/>; tests use an in-memory implementation
/// that evaluates the same requests, so a wrong field name or a missing filter fails a test instead of a deployment.
/// Failures surface as <see cref="Grpc.Core.RpcException"/>, as they do from the real client.
/// </summary>
public interface IQdrantClient
{
    /// <summary>Whether a collection exists.</summary>
    Task<bool> CollectionExistsAsync(string collectionName, CancellationToken cancellationToken);

    /// <summary>Names of all collections.</summary>
    Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken);

    /// <summary>Configuration, payload schema and counts of a collection.</summary>
    Task<CollectionInfo> GetCollectionInfoAsync(string collectionName, CancellationToken cancellationToken);

    /// <summary>Creates a collection.</summary>
    Task CreateCollectionAsync(CreateCollection request, CancellationToken cancellationToken);

    /// <summary>Creates a payload index on a field and waits for it.</summary>
    Task CreatePayloadIndexAsync(string collectionName, string fieldName, PayloadSchemaType schemaType, PayloadIndexParams? indexParams, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces points.</summary>
    Task<UpdateResult> UpsertAsync(UpsertPoints request, CancellationToken cancellationToken);

    /// <summary>Deletes the points matching a filter and waits for it, with the given write ordering (Qdrant's default when null).</summary>
    Task<UpdateResult> DeleteAsync(string collectionName, Filter filter, WriteOrderingType? ordering, CancellationToken cancellationToken);

    /// <summary>Runs a Query API request (nearest, prefetch, fusion).</summary>
    Task<IReadOnlyList<ScoredPoint>> QueryAsync(QueryPoints request, CancellationToken cancellationToken);

    /// <summary>Exact number of points matching the filter (all points when null).</summary>
    Task<ulong> CountAsync(string collectionName, Filter? filter, CancellationToken cancellationToken);

    /// <summary>Server liveness and version.</summary>
    Task<HealthCheckReply> HealthAsync(CancellationToken cancellationToken);
}

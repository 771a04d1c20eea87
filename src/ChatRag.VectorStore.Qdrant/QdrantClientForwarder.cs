using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>Production <see cref="IQdrantClient"/>: forwards each call to Qdrant.Client's gRPC <see cref="QdrantClient"/>.</summary>
public sealed class QdrantClientForwarder : IQdrantClient, IDisposable
{
    private readonly QdrantClient client;
    private readonly IDisposable? channel;

    /// <summary>Wraps an existing client; the forwarder disposes it.</summary>
    public QdrantClientForwarder(QdrantClient client) => this.client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Connects with the URL, API key, TLS (optionally a pinned certificate) and timeout from the options.</summary>
    public QdrantClientForwarder(QdrantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey; // an empty env var must not send an empty api-key header
        if (string.IsNullOrWhiteSpace(options.CertificateThumbprint))
        {
            client = new QdrantClient(options.EffectiveUri(), apiKey, options.Timeout);
        }
        else
        {
            var pinned = QdrantChannel.ForAddress(options.EffectiveUri(), new ClientConfiguration { ApiKey = apiKey, CertificateThumbprint = options.CertificateThumbprint });
            channel = pinned;
            client = new QdrantClient(new QdrantGrpcClient(pinned), options.Timeout);
        }
    }

    /// <inheritdoc />
    public Task<bool> CollectionExistsAsync(string collectionName, CancellationToken cancellationToken) =>
        client.CollectionExistsAsync(collectionName, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken) =>
        client.ListCollectionsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<CollectionInfo> GetCollectionInfoAsync(string collectionName, CancellationToken cancellationToken) =>
        client.GetCollectionInfoAsync(collectionName, cancellationToken);

    /// <inheritdoc />
    public Task CreateCollectionAsync(CreateCollection request, CancellationToken cancellationToken) =>
        client.CreateCollectionAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task CreatePayloadIndexAsync(string collectionName, string fieldName, PayloadSchemaType schemaType, PayloadIndexParams? indexParams, CancellationToken cancellationToken) =>
        client.CreatePayloadIndexAsync(collectionName, fieldName, schemaType, indexParams, wait: true, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public Task<UpdateResult> UpsertAsync(UpsertPoints request, CancellationToken cancellationToken) =>
        client.UpsertAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<UpdateResult> DeleteAsync(string collectionName, Filter filter, WriteOrderingType? ordering, CancellationToken cancellationToken) =>
        client.DeleteAsync(collectionName, filter, wait: true, ordering: ordering, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ScoredPoint>> QueryAsync(QueryPoints request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return client.QueryAsync(
            request.CollectionName,
            query: request.Query,
            prefetch: request.Prefetch,
            usingVector: request.HasUsing ? request.Using : null,
            filter: request.Filter,
            scoreThreshold: request.HasScoreThreshold ? request.ScoreThreshold : null,
            searchParams: request.Params,
            limit: request.HasLimit ? request.Limit : 10,
            offset: request.HasOffset ? request.Offset : 0,
            payloadSelector: request.WithPayload,
            vectorsSelector: request.WithVectors,
            readConsistency: request.ReadConsistency,
            shardKeySelector: request.ShardKeySelector,
            lookupFrom: request.LookupFrom,
            cancellationToken: cancellationToken);
    }

    /// <inheritdoc />
    public Task<ulong> CountAsync(string collectionName, Filter? filter, CancellationToken cancellationToken) =>
        client.CountAsync(collectionName, filter, exact: true, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public Task<HealthCheckReply> HealthAsync(CancellationToken cancellationToken) => client.HealthAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        client.Dispose();
        channel?.Dispose();
    }
}

using System.Collections.Concurrent;
using ChatRag.Core.Indexing;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>
/// <see cref="IVectorIndex"/> over Qdrant: one Qdrant collection per embedding space (<see cref="QdrantOptions.CollectionPrefix"/>
/// + space name) with a named dense vector, a BM25 sparse vector and a tenant index on the ChatRag collection.
/// Writes are batched with bounded concurrency and every call is retried on transient gRPC errors.
/// </summary>
public sealed partial class QdrantVectorIndex : IHybridVectorIndex, IDisposable
{
    private readonly IQdrantClient client;
    private readonly QdrantOptions options;
    private readonly TransientRetry retry;
    private readonly SemaphoreSlim upsertSlots;
    private readonly ConcurrentDictionary<string, byte> ownedCollections = new(StringComparer.Ordinal);

    /// <summary>Creates the index over a client (the gRPC forwarder in production, an in-memory one in tests).</summary>
    /// <param name="client">The Qdrant calls.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="time">Clock of the retry delays; the system clock when null.</param>
    public QdrantVectorIndex(IQdrantClient client, IOptions<QdrantOptions> options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.options = options.Value;
        retry = new TransientRetry(this.options.RetryCount, this.options.RetryBaseDelay, time ?? TimeProvider.System, static (operation, status) =>
            QdrantTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("status", status.ToString())));
        upsertSlots = new SemaphoreSlim(this.options.MaxConcurrentUpserts);
    }

    /// <inheritdoc />
    public string Name => "qdrant";

    /// <summary>The Qdrant collection holding a space.</summary>
    public string CollectionName(string space) => options.CollectionPrefix + space;

    /// <inheritdoc />
    public async Task EnsureSpaceAsync(VectorSpace space, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        using var activity = QdrantTelemetry.Activities.StartActivity("qdrant.ensure_space");
        var name = CollectionName(space.Name);
        if (!await retry.RunAsync("collection_exists", ct => client.CollectionExistsAsync(name, ct), cancellationToken).ConfigureAwait(false))
        {
            await CreateOrAdoptAsync(name, space, cancellationToken).ConfigureAwait(false);
        }

        var info = await retry.RunAsync("collection_info", ct => client.GetCollectionInfoAsync(name, ct), cancellationToken).ConfigureAwait(false);
        CheckSchema(space, name, info);

        // Payload indexes, unlike vectors, can be added to a live collection, so a missing one (an interrupted first start,
        // an older ChatRag) is created rather than refused; one of the wrong kind was refused by CheckSchema above.
        if (!info.PayloadSchema.ContainsKey(QdrantSchema.CollectionField))
        {
            await retry.RunAsync("create_tenant_index", ct => client.CreatePayloadIndexAsync(name, QdrantSchema.CollectionField, PayloadSchemaType.Keyword, QdrantRequests.TenantIndex(), ct), cancellationToken).ConfigureAwait(false);
        }

        if (!info.PayloadSchema.ContainsKey(QdrantSchema.DocumentIdField))
        {
            await retry.RunAsync("create_document_index", ct => client.CreatePayloadIndexAsync(name, QdrantSchema.DocumentIdField, PayloadSchemaType.Keyword, null, ct), cancellationToken).ConfigureAwait(false);
        }

        ownedCollections.TryAdd(name, 0); // only once it is known to be ours: a refused collection is never written or deleted in
    }

    /// <inheritdoc />
    public async Task UpsertAsync(string space, IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var activity = QdrantTelemetry.Activities.StartActivity("qdrant.upsert");
        activity?.SetTag("chatrag.qdrant.points", records.Count);
        var name = CollectionName(space);
        var pending = new List<Task>();
        try
        {
            foreach (var batch in records.Chunk(options.UpsertBatchSize))
            {
                // Waiting for a slot before building the next request is the back-pressure: a fast producer cannot queue
                // more than MaxConcurrentUpserts requests against Qdrant, whatever the number of concurrent callers.
                await upsertSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                pending.Add(UpsertBatchAsync(name, batch, cancellationToken));
                if (pending.Find(t => t.IsFaulted) is { } failed)
                {
                    await failed.ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deletes the document's points in the collections this deployment owns: the exact names of the spaces it ensured
    /// (the host ensures every encoder's space at start-up). Matching names by prefix would reach other deployments
    /// (<c>chatrag_</c> is a prefix of <c>chatrag_staging_</c>). Every collection is tried even when one fails; the first failure is rethrown.
    /// </summary>
    public async Task DeleteDocumentAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        using var activity = QdrantTelemetry.Activities.StartActivity("qdrant.delete_document");
        List<RpcException>? failures = null;
        foreach (var name in ownedCollections.Keys.Order(StringComparer.Ordinal))
        {
            try
            {
                // By filter, so a retry after a write that was applied but not acknowledged deletes nothing more.
                await retry.RunAsync("delete", ct => client.DeleteAsync(name, QdrantRequests.DocumentFilter(documentId), options.WriteOrdering, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e) when (IsMissingCollection(e))
            {
                // Dropped by an operator: nothing of the document is left in it.
            }
            catch (RpcException e)
            {
                (failures ??= []).Add(e);
            }
        }

        if (failures is [var first, ..])
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
    }

    /// <inheritdoc />
    public async Task<long> CountAsync(string space, CancellationToken cancellationToken = default)
    {
        try
        {
            return (long)await retry.RunAsync("count", ct => client.CountAsync(CollectionName(space), null, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (IsMissingCollection(e))
        {
            return 0;
        }
    }

    /// <inheritdoc />
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await client.HealthAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RpcException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => upsertSlots.Dispose();

    private async Task UpsertBatchAsync(string name, VectorRecord[] batch, CancellationToken cancellationToken)
    {
        try
        {
            var request = new UpsertPoints
            {
                CollectionName = name,
                Wait = true, // Qdrant answers once every active replica applied it (or was deactivated for failing it)
                Ordering = new WriteOrdering { Type = options.WriteOrdering },
                Points = { batch.Select(QdrantRequests.Point) },
            };
            await retry.RunAsync("upsert", ct => client.UpsertAsync(request, ct), cancellationToken).ConfigureAwait(false);
            QdrantTelemetry.UpsertedPoints.Add(batch.Length);
        }
        finally
        {
            upsertSlots.Release();
        }
    }

    // Qdrant answers NotFound for a missing collection on some calls and InvalidArgument ("doesn't exist") on others.
    private static bool IsMissingCollection(RpcException e) =>
        e.StatusCode == StatusCode.NotFound
        || (e.StatusCode == StatusCode.InvalidArgument && e.Status.Detail.Contains("doesn't exist", StringComparison.OrdinalIgnoreCase));
}

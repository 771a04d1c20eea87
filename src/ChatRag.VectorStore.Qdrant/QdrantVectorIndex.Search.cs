using ChatRag.Core.Indexing;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>Dense and hybrid search.</summary>
public sealed partial class QdrantVectorIndex
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<VectorHit>> SearchAsync(string space, VectorQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Collections.Count == 0 || query.Top < 1 || query.Documents is { Count: 0 })
        {
            return []; // An empty collection or document list means "nothing", never "everything".
        }

        using var activity = QdrantTelemetry.Activities.StartActivity("qdrant.search");
        return await RunQueryAsync(QdrantRequests.DenseQuery(CollectionName(space), query, options), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VectorHit>> SearchHybridAsync(string space, VectorQuery query, string queryText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Collections.Count == 0 || query.Top < 1 || query.Documents is { Count: 0 })
        {
            return [];
        }

        var terms = SparseTermEncoder.EncodeQuery(queryText);
        if (terms.Indices.Length == 0)
        {
            // No keyword to match (punctuation only): the sparse prefetch would be empty, so the dense ranking is the answer.
            return await SearchAsync(space, query, cancellationToken).ConfigureAwait(false);
        }

        using var activity = QdrantTelemetry.Activities.StartActivity("qdrant.search_hybrid");
        var fused = await RunQueryAsync(QdrantRequests.HybridQuery(CollectionName(space), query, terms, options), cancellationToken).ConfigureAwait(false);
        return [.. fused.Take(query.Top)]; // the whole fused list, sorted with our tie-break: the cut is ours, so it is stable
    }

    private async Task<IReadOnlyList<VectorHit>> RunQueryAsync(QueryPoints request, CancellationToken cancellationToken)
    {
        IReadOnlyList<ScoredPoint> points;
        try
        {
            points = await retry.RunAsync("query", ct => client.QueryAsync(request, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (IsMissingCollection(e))
        {
            return [];
        }

        // Qdrant does not promise an order among equal scores; the port does (chunk id ascending).
        return points
            .Select(p => new VectorHit(QdrantRequests.ChunkId(p.Id), p.Score))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.ChunkId)
            .ToList();
    }
}

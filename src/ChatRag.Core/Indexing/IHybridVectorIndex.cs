namespace ChatRag.Core.Indexing;

/// <summary>
/// A vector index that can also rank by keywords itself and fuse both rankings server-side
/// (for example Qdrant: dense + IDF-weighted sparse vectors fused with reciprocal rank fusion).
/// Callers check <c>index is IHybridVectorIndex</c> and fall back to their own fusion otherwise.
/// </summary>
public interface IHybridVectorIndex : IVectorIndex
{
    /// <summary>
    /// Dense nearest neighbours of <see cref="VectorQuery.Vector"/> fused with a keyword ranking of <paramref name="queryText"/>,
    /// best first, restricted to the query's collections in both rankings. <see cref="VectorHit.Score"/> is the fused score,
    /// comparable only within one result list.
    /// </summary>
    Task<IReadOnlyList<VectorHit>> SearchHybridAsync(string space, VectorQuery query, string queryText, CancellationToken cancellationToken = default);
}

namespace ChatRag.Core.Retrieval;

/// <summary>Search results with where the time went.</summary>
/// <param name="Results">Chunks, best first.</param>
/// <param name="TimingsMs">Milliseconds per stage (for example <c>bm25</c>, <c>embed:arctic-xs</c>, <c>dense:arctic-xs</c>, <c>fuse</c>, <c>total</c>).</param>
public sealed record SearchResponse(IReadOnlyList<RetrievedChunk> Results, IReadOnlyDictionary<string, double> TimingsMs)
{
    /// <summary>What the cross-encoder reranker did, or null when none is configured (or the request turned it off).</summary>
    public Reranking.RerankOutcome? Rerank { get; init; }
}

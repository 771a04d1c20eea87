using ChatRag.Core.Documents;

namespace ChatRag.Core.Retrieval;

/// <summary>A chunk returned by search, with its fused score and the rank it had in each signal (for traces).</summary>
/// <param name="Chunk">The chunk.</param>
/// <param name="Score">Fused score; higher is better. Comparable only within one response.</param>
/// <param name="SignalRanks">1-based rank per signal name (for example <c>bm25</c>, <c>dense:arctic-xs</c>); missing when the signal did not return it.</param>
public sealed record RetrievedChunk(ChunkRecord Chunk, double Score, IReadOnlyDictionary<string, int> SignalRanks)
{
    /// <summary>1-based position in the fused list, set when a reranker ran (the list is then in its order).</summary>
    public int? FusedRank { get; init; }

    /// <summary>The cross-encoder's relevance score (higher is better), when reranking was applied.</summary>
    public double? RerankScore { get; init; }
}

namespace ChatRag.Contracts.Chat;

/// <summary>A retrieved passage as numbered in the prompt.</summary>
/// <param name="Index">Source number <c>[n]</c>.</param>
/// <param name="ChunkId">The passage id.</param>
/// <param name="DocumentId">Its document.</param>
/// <param name="DocumentName">Its document's name.</param>
/// <param name="Page">Its page, when known.</param>
/// <param name="Score">Fused retrieval score.</param>
/// <param name="Ranks">Rank per retrieval signal.</param>
public sealed record TraceHit(int Index, long ChunkId, Guid DocumentId, string DocumentName, int? Page, double Score, IReadOnlyDictionary<string, int> Ranks)
{
    /// <summary>The cross-encoder's relevance (0-1) when a reranker ordered the passages; absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? RerankScore { get; init; }

    /// <summary>1-based position in the fused list when a reranker ran; absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? FusedRank { get; init; }
}

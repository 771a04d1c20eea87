namespace ChatRag.Contracts.Search;

/// <summary>One passage found by search.</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="DocumentName">The document's display name.</param>
/// <param name="ChunkId">The passage's id.</param>
/// <param name="Text">The passage text.</param>
/// <param name="Score">Fused relevance score; higher is better, comparable within one response only.</param>
/// <param name="Page">1-based page, slide or sheet, when the format has pages.</param>
/// <param name="Collection">The collection the document belongs to.</param>
/// <param name="HeadingPath">Headings above the passage, when known.</param>
/// <param name="StartOffset">Character offset of the passage in the document's extracted text.</param>
/// <param name="EndOffset">Character offset one past the passage's end.</param>
/// <param name="Ranks">The passage's rank in each retrieval signal, for transparency.</param>
public sealed record SearchResultItem(
    Guid DocumentId,
    string DocumentName,
    long ChunkId,
    string Text,
    double Score,
    int? Page,
    string Collection,
    string? HeadingPath,
    int StartOffset,
    int EndOffset,
    IReadOnlyDictionary<string, int> Ranks)
{
    /// <summary>Mean OCR confidence (0-100) when the passage was read from a scan or image; absent otherwise.</summary>
    public double? OcrConfidence { get; init; }

    /// <summary>The cross-encoder's relevance (0-1) when a reranker ordered the results; absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? RerankScore { get; init; }

    /// <summary>1-based position in the fused (pre-rerank) list when a reranker ran; absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? FusedRank { get; init; }
}

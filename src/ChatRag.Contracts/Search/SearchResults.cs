namespace ChatRag.Contracts.Search;

/// <summary>Response of <c>POST /api/v1/search</c>.</summary>
/// <param name="Results">Passages, best first.</param>
/// <param name="Mode">The mode used.</param>
/// <param name="TimingsMs">Milliseconds per retrieval stage.</param>
public sealed record SearchResults(IReadOnlyList<SearchResultItem> Results, string Mode, IReadOnlyDictionary<string, double> TimingsMs)
{
    /// <summary>What the reranker did; absent when none is configured.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RerankSummary? Rerank { get; init; }
}

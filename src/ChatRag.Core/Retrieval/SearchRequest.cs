namespace ChatRag.Core.Retrieval;

/// <summary>A retrieval request.</summary>
/// <param name="Query">The user's query text.</param>
/// <param name="Collections">Collections the caller may see; the filter is applied inside every index search.</param>
/// <param name="Top">Number of chunks wanted.</param>
/// <param name="Mode">Signals to use.</param>
public sealed record SearchRequest(string Query, IReadOnlyCollection<string> Collections, int Top = 10, SearchMode Mode = SearchMode.Hybrid)
{
    /// <summary>Rescore the fused candidates with the configured reranker, if any (evaluation turns it off to compare).</summary>
    public bool Rerank { get; init; } = true;

    /// <summary>
    /// Chosen documents: when set and not empty, only their chunks are searched, inside every index query. Each must
    /// exist in one of <see cref="Collections"/>, else the search throws <see cref="UnknownDocumentException"/>.
    /// Null or empty searches the whole collections.
    /// </summary>
    public IReadOnlyCollection<Guid>? Documents { get; init; }
}

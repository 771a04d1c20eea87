namespace ChatRag.Contracts.Search;

/// <summary>Body of <c>POST /api/v1/search</c>.</summary>
/// <param name="Query">The text to search for (required, at most the configured length).</param>
/// <param name="Collection">Collection to search; <c>default</c> when omitted.</param>
/// <param name="Top">Number of results, 1 to the configured maximum; 10 when omitted.</param>
/// <param name="Mode"><c>hybrid</c> (default), <c>dense</c> or <c>lexical</c>.</param>
public sealed record SearchQuery(string? Query, string? Collection = null, int? Top = null, string? Mode = null)
{
    /// <summary>
    /// Search only these documents of the collection (at most 100; each must exist there, else 404); the filter is
    /// applied inside every index query. Omitted or empty: the whole collection.
    /// </summary>
    public IReadOnlyList<Guid>? DocumentIds { get; init; }
}

namespace ChatRag.Core.Indexing;

/// <summary>Port for keyword search over chunk text. Entries are written with the chunk rows by <see cref="Documents.IDocumentRepository"/>.</summary>
public interface ILexicalIndex
{
    /// <summary>
    /// BM25-ranked chunks matching any query term, best first, restricted inside the query to the given collections and,
    /// when <paramref name="documents"/> is set, to chunks of those documents (an empty set matches nothing).
    /// </summary>
    Task<IReadOnlyList<LexicalHit>> SearchAsync(
        string query, int top, IReadOnlyCollection<string> collections, IReadOnlyCollection<Guid>? documents = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Prepares whatever the first search would otherwise build (an in-memory copy, caches), so hosts can do it at
    /// start-up instead of on a user's first query. Indexes with nothing to prepare need not override it.
    /// </summary>
    Task WarmUpAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}

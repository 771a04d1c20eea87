namespace ChatRag.Core.Indexing;

/// <summary>Port for keyword search over chunk text. Entries are written with the chunk rows by <see cref="Documents.IDocumentRepository"/>.</summary>
public interface ILexicalIndex
{
    /// <summary>BM25-ranked chunks matching any query term, best first, restricted to the given collections inside the query.</summary>
    Task<IReadOnlyList<LexicalHit>> SearchAsync(string query, int top, IReadOnlyCollection<string> collections, CancellationToken cancellationToken = default);
}

using ChatRag.Core.Indexing;

namespace ChatRag.TestKit.Fakes;

/// <summary>A lexical index that scans an in-memory repository and scores by shared words; records the collections it was asked for.</summary>
public sealed class ScanningLexicalIndex(InMemoryDocumentRepository repository) : ILexicalIndex
{
    public List<IReadOnlyCollection<string>> RequestedCollections { get; } = [];

    /// <summary>The chosen documents of each search (null when none were chosen).</summary>
    public List<IReadOnlyCollection<Guid>?> RequestedDocuments { get; } = [];

    public Task<IReadOnlyList<LexicalHit>> SearchAsync(
        string query, int top, IReadOnlyCollection<string> collections, IReadOnlyCollection<Guid>? documents = null, CancellationToken cancellationToken = default)
    {
        RequestedCollections.Add(collections);
        RequestedDocuments.Add(documents);
        var words = Words(query);
        var hits = repository.AllChunks
            .Where(c => collections.Contains(c.Collection) && (documents is null || documents.Contains(c.DocumentId)))
            .Select(c => new LexicalHit(c.Id, Words(c.Text).Count(words.Contains)))
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.ChunkId)
            .Take(top)
            .ToList();
        return Task.FromResult<IReadOnlyList<LexicalHit>>(hits);
    }

    private static HashSet<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', '\n', '.', ',', '?'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
}

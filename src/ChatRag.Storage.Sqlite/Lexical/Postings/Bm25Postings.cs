namespace ChatRag.Storage.Sqlite.Lexical.Postings;

/// <summary>
/// In-memory inverted index scored with FTS5's BM25 (k1 1.2, b 0.75, its IDF and length normalisation), searched with
/// MaxScore dynamic pruning (<see cref="Search"/>) so a query does not score every chunk that shares a common word.
/// Documents are chunk row ids with a collection; terms are tokens as FTS5's tokenizer produced them.
/// </summary>
/// <remarks>
/// Not thread-safe: <see cref="MemoryLexicalIndex"/> serialises writers and lets searches share a read lock.
/// Deleted documents stay in the posting lists as tombstones until <see cref="Add"/> or <see cref="Remove"/> compacts
/// them (when they reach a quarter of the postings), so a delete is O(terms of the chunk).
/// </remarks>
public sealed partial class Bm25Postings
{
    /// <summary>FTS5's fixed BM25 term-frequency saturation.</summary>
    public const double K1 = 1.2;

    /// <summary>FTS5's fixed BM25 length normalisation.</summary>
    public const double B = 0.75;

    private readonly Dictionary<string, int> termIds = new(StringComparer.Ordinal);
    private readonly List<PostingList> terms = [];
    private readonly Dictionary<string, int> collectionIds = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> docByChunk = [];

    // Per internal document number (assigned in insertion order, so posting lists stay sorted by appending).
    private readonly List<long> chunkIds = [];
    private readonly List<int> lengths = [];
    private readonly List<int> docCollections = [];
    private readonly List<int[]?> docTerms = [];
    private long totalLength;
    private long deadPostings;
    private long livePostings;

    /// <summary>Live documents (FTS5's row count: every collection).</summary>
    public int Count => docByChunk.Count;

    /// <summary>Distinct terms ever seen.</summary>
    public int TermCount => terms.Count;

    /// <summary>Postings of live documents.</summary>
    public long PostingCount => livePostings;

    /// <summary>Live documents holding <paramref name="term"/> (a token as indexed; 0 for any other string), as FTS5's <c>fts5vocab</c> counts them.</summary>
    public long DocumentFrequency(string term) => termIds.TryGetValue(term, out var id) ? Math.Max(terms[id].DocumentFrequency, 0) : 0;

    /// <summary>Whether a chunk is indexed.</summary>
    public bool Contains(long chunkId) => docByChunk.ContainsKey(chunkId);

    /// <summary>
    /// Indexes a chunk (replacing an earlier version with the same id). <paramref name="termCounts"/> are the chunk's
    /// tokens in its text column with their frequencies; <paramref name="length"/> is its token count as FTS5 counts
    /// it (text tokens plus the one scope token).
    /// </summary>
    public void Add(long chunkId, string collection, IReadOnlyDictionary<string, int> termCounts, int length)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(termCounts);
        Remove(chunkId);
        var doc = chunkIds.Count;
        chunkIds.Add(chunkId);
        lengths.Add(length);
        docCollections.Add(CollectionId(collection));
        var ids = new int[termCounts.Count];
        var i = 0;
        foreach (var (term, tf) in termCounts)
        {
            var id = TermId(term);
            terms[id].Append(doc, tf, length);
            ids[i++] = id;
        }

        docTerms.Add(ids);
        docByChunk[chunkId] = doc;
        totalLength += length;
        livePostings += ids.Length;
    }

    /// <summary>Removes a chunk; false when it was not indexed.</summary>
    public bool Remove(long chunkId)
    {
        if (!docByChunk.Remove(chunkId, out var doc))
        {
            return false;
        }

        var ids = docTerms[doc]!;
        foreach (var id in ids)
        {
            terms[id].DocumentFrequency--;
        }

        docTerms[doc] = null;
        totalLength -= lengths[doc];
        livePostings -= ids.Length;
        deadPostings += ids.Length;
        if (deadPostings > 1024 && deadPostings * 4 > livePostings)
        {
            Compact();
        }

        return true;
    }

    private int CollectionId(string collection)
    {
        if (!collectionIds.TryGetValue(collection, out var id))
        {
            collectionIds[collection] = id = collectionIds.Count;
        }

        return id;
    }

    private int TermId(string term)
    {
        if (!termIds.TryGetValue(term, out var id))
        {
            termIds[term] = id = terms.Count;
            terms.Add(new PostingList());
        }

        return id;
    }

    // Drops tombstones and renumbers live documents densely, keeping their order (posting lists stay sorted).
    private void Compact()
    {
        var renumber = new int[chunkIds.Count];
        var next = 0;
        for (var doc = 0; doc < chunkIds.Count; doc++)
        {
            renumber[doc] = docTerms[doc] is null ? -1 : next++;
        }

        foreach (var list in terms)
        {
            list.Compact(renumber);
        }

        for (var doc = 0; doc < chunkIds.Count; doc++)
        {
            var to = renumber[doc];
            if (to >= 0)
            {
                chunkIds[to] = chunkIds[doc];
                lengths[to] = lengths[doc];
                docCollections[to] = docCollections[doc];
                docTerms[to] = docTerms[doc];
                docByChunk[chunkIds[to]] = to;
            }
        }

        var tail = chunkIds.Count - next;
        chunkIds.RemoveRange(next, tail);
        lengths.RemoveRange(next, tail);
        docCollections.RemoveRange(next, tail);
        docTerms.RemoveRange(next, tail);
        deadPostings = 0;
    }
}

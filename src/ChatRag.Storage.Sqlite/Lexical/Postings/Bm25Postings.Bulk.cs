namespace ChatRag.Storage.Sqlite.Lexical.Postings;

public sealed partial class Bm25Postings
{
    /// <summary>
    /// Fills an empty index from a term-major stream (what FTS5's <c>fts5vocab</c> instance table yields): first
    /// <paramref name="documents"/> in ascending chunk id order, then every (term, chunk, frequency) with chunks
    /// ascending within a term. Chunks with no posting are kept with length 1 (the scope token), as FTS5 counts them.
    /// </summary>
    public static Bm25Postings Build(IEnumerable<(long ChunkId, string Collection)> documents, IEnumerable<(string Term, long ChunkId, int Frequency)> postings)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(postings);
        var index = new Bm25Postings();
        foreach (var (chunkId, collection) in documents)
        {
            if (index.chunkIds.Count > 0 && chunkId <= index.chunkIds[^1])
            {
                throw new ArgumentException("Documents must come in ascending chunk id order.", nameof(documents));
            }

            index.docByChunk[chunkId] = index.chunkIds.Count;
            index.chunkIds.Add(chunkId);
            index.lengths.Add(1);
            index.docCollections.Add(index.CollectionId(collection));
            index.docTerms.Add(null);
        }

        var termsPerDoc = new int[index.chunkIds.Count];
        string? current = null;
        var termId = -1;
        foreach (var (term, chunkId, frequency) in postings)
        {
            if (!index.docByChunk.TryGetValue(chunkId, out var doc))
            {
                continue; // written after the documents were read: the change log brings it in later
            }

            if (!string.Equals(term, current, StringComparison.Ordinal))
            {
                current = term;
                termId = index.TermId(term);
            }

            var list = index.terms[termId];
            if (list.Length > 0 && list.Docs[^1] >= doc)
            {
                throw new ArgumentException("Postings must be grouped by term with ascending chunk ids.", nameof(postings));
            }

            list.Append(doc, frequency, int.MaxValue);
            index.lengths[doc] += frequency;
            termsPerDoc[doc]++;
        }

        for (var doc = 0; doc < termsPerDoc.Length; doc++)
        {
            index.docTerms[doc] = new int[termsPerDoc[doc]];
            index.totalLength += index.lengths[doc];
            index.livePostings += termsPerDoc[doc];
            termsPerDoc[doc] = 0;
        }

        // Second pass: per-document term lists (for deletes) and each term's shortest document (for its score bound).
        for (var id = 0; id < index.terms.Count; id++)
        {
            var list = index.terms[id];
            var min = int.MaxValue;
            foreach (var doc in list.Docs)
            {
                index.docTerms[doc]![termsPerDoc[doc]++] = id;
                min = Math.Min(min, index.lengths[doc]);
            }

            list.MinDocumentLength = min;
        }

        return index;
    }
}

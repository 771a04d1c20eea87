using ChatRag.Core.Indexing;

namespace ChatRag.Storage.Sqlite.Lexical.Postings;

public sealed partial class Bm25Postings
{
    /// <summary>
    /// The <paramref name="top"/> chunks of <paramref name="collections"/> with the highest BM25 score for
    /// <paramref name="query"/> (term → how many query words produced it, as FTS5 scores each phrase), best first; ties
    /// go to the lower chunk id. Exact: the same hits as scoring every matching chunk, found with MaxScore pruning.
    /// </summary>
    /// <remarks>
    /// MaxScore (Turtle and Flood, 1995): terms are ordered by the most they can add to a score. Once the k-th best
    /// score exceeds the summed bounds of the weakest terms, those become non-essential: candidates come only from the
    /// essential terms' lists, and the others are looked up (galloping search) only while the candidate can still
    /// enter the top k. Common words therefore stop generating candidates as soon as a few good matches are known.
    /// <paramref name="chunks"/>, when set, restricts candidates further to those chunk ids (chosen documents), inside
    /// the same loop, so the top k is taken among them.
    /// </remarks>
    public IReadOnlyList<LexicalHit> Search(IReadOnlyDictionary<string, int> query, int top, IReadOnlyCollection<string> collections, IReadOnlySet<long>? chunks = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(collections);
        var allowed = new bool[collectionIds.Count];
        var anyAllowed = false;
        foreach (var name in collections)
        {
            if (collectionIds.TryGetValue(name, out var id))
            {
                allowed[id] = anyAllowed = true;
            }
        }

        if (top <= 0 || Count == 0 || !anyAllowed)
        {
            return [];
        }

        var averageLength = (double)totalLength / Count;
        var cursors = QueryTerms(query, averageLength);
        if (cursors.Length == 0)
        {
            return [];
        }

        // bounds[i] = sum of the upper bounds of terms 0..i (cursors sorted by bound, ascending).
        var bounds = new double[cursors.Length];
        var sum = 0.0;
        for (var i = 0; i < cursors.Length; i++)
        {
            bounds[i] = sum += cursors[i].UpperBound;
        }

        var heap = new PriorityQueue<LexicalHit, LexicalHit>(Math.Min(top, Count) + 1, WorseFirst.Instance);
        var threshold = double.NegativeInfinity;
        var firstEssential = 0;
        while (true)
        {
            var doc = int.MaxValue;
            for (var i = firstEssential; i < cursors.Length; i++)
            {
                doc = Math.Min(doc, cursors[i].Current);
            }

            if (doc == int.MaxValue)
            {
                break;
            }

            var norm = K1 * (1 - B + (B * lengths[doc] / averageLength));
            var live = docTerms[doc] is not null && allowed[docCollections[doc]] && (chunks is null || chunks.Contains(chunkIds[doc]));
            var score = 0.0;
            for (var i = firstEssential; i < cursors.Length; i++)
            {
                ref var cursor = ref cursors[i];
                if (cursor.Current == doc)
                {
                    score += live ? cursor.Score(norm) : 0;
                    cursor.Next();
                }
            }

            if (!live)
            {
                continue;
            }

            var pruned = false;
            for (var i = firstEssential - 1; i >= 0; i--)
            {
                if (score + bounds[i] < threshold)
                {
                    pruned = true;
                    break;
                }

                ref var cursor = ref cursors[i];
                if (cursor.SeekTo(doc))
                {
                    score += cursor.Score(norm);
                }
            }

            if (pruned || score < threshold)
            {
                continue;
            }

            var hit = new LexicalHit(chunkIds[doc], score);
            if (heap.Count < top)
            {
                heap.Enqueue(hit, hit);
            }
            else if (WorseFirst.Instance.Compare(heap.Peek(), hit) < 0)
            {
                heap.DequeueEnqueue(hit, hit);
            }

            if (heap.Count == top)
            {
                threshold = heap.Peek().Score;
                while (firstEssential < cursors.Length && bounds[firstEssential] < threshold)
                {
                    firstEssential++;
                }
            }
        }

        var hits = new LexicalHit[heap.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            hits[i] = heap.Dequeue();
        }

        return hits;
    }

    private TermCursor[] QueryTerms(IReadOnlyDictionary<string, int> query, double averageLength)
    {
        var cursors = new List<TermCursor>(query.Count);
        foreach (var (term, occurrences) in query)
        {
            if (!termIds.TryGetValue(term, out var id) || terms[id].DocumentFrequency <= 0 || occurrences <= 0)
            {
                continue;
            }

            var list = terms[id];
            var idf = Math.Log((Count - list.DocumentFrequency + 0.5) / (list.DocumentFrequency + 0.5));
            var weight = (idf <= 0 ? 1e-6 : idf) * occurrences; // FTS5's floor for terms in over half the rows
            var bestNorm = K1 * (1 - B + (B * list.MinDocumentLength / averageLength));
            var bound = weight * list.MaxFrequency * (K1 + 1) / (list.MaxFrequency + bestNorm);
            cursors.Add(new TermCursor(list, weight, bound));
        }

        cursors.Sort((a, b) => a.UpperBound.CompareTo(b.UpperBound));
        return [.. cursors];
    }

    /// <summary>Heap order: the worst hit first (lower score, then higher chunk id).</summary>
    private sealed class WorseFirst : IComparer<LexicalHit>
    {
        public static readonly WorseFirst Instance = new();

        public int Compare(LexicalHit x, LexicalHit y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.ChunkId.CompareTo(x.ChunkId);
        }
    }
}

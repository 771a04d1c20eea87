using ChatRag.Core.Indexing;
using ChatRag.Storage.Sqlite.Lexical.Postings;

namespace ChatRag.Storage.Sqlite.Tests.Lexical;

/// <summary>MaxScore top-k against scoring every document, on random Zipf-shaped corpora with deletes and filters.</summary>
public sealed class Bm25PostingsTests
{
    private static readonly string[] Collections = ["a", "b", "c"];

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 10)]
    [InlineData(4, 100)]
    public void Top_k_equals_exhaustive_scoring(int seed, int top)
    {
        var random = new Random(seed);
        var corpus = RandomCorpus(random, 600);
        var index = new Bm25Postings();
        foreach (var doc in corpus.Values)
        {
            index.Add(doc.Id, doc.Collection, doc.Terms, doc.Length);
        }

        AssertSameAsExhaustive(random, index, corpus, top);
    }

    [Fact]
    public void Deletes_and_replacements_keep_results_exact()
    {
        var random = new Random(7);
        var corpus = RandomCorpus(random, 800);
        var index = new Bm25Postings();
        foreach (var doc in corpus.Values)
        {
            index.Add(doc.Id, doc.Collection, doc.Terms, doc.Length);
        }

        // Enough deletes to trigger compaction, plus replacements of existing ids and brand-new ids.
        foreach (var id in corpus.Keys.Where(_ => random.NextDouble() < 0.4).ToList())
        {
            Assert.True(index.Remove(id));
            corpus.Remove(id);
        }

        foreach (var doc in RandomCorpus(random, 300, firstId: 500).Values)
        {
            index.Add(doc.Id, doc.Collection, doc.Terms, doc.Length);
            corpus[doc.Id] = doc;
        }

        Assert.False(index.Remove(-5));
        Assert.Equal(corpus.Count, index.Count);
        AssertSameAsExhaustive(random, index, corpus, 10);
    }

    [Fact]
    public void Bulk_build_equals_incremental_adds()
    {
        var random = new Random(11);
        var corpus = RandomCorpus(random, 400);
        var incremental = new Bm25Postings();
        foreach (var doc in corpus.Values)
        {
            incremental.Add(doc.Id, doc.Collection, doc.Terms, doc.Length);
        }

        var ordered = corpus.Values.OrderBy(d => d.Id).ToList();
        var postings = ordered
            .SelectMany(d => d.Terms.Select(t => (Term: t.Key, ChunkId: d.Id, Frequency: t.Value)))
            .OrderBy(p => p.Term, StringComparer.Ordinal).ThenBy(p => p.ChunkId);
        var bulk = Bm25Postings.Build(ordered.Select(d => (d.Id, d.Collection)), postings);

        for (var q = 0; q < 50; q++)
        {
            var query = RandomQuery(random);
            Assert.Equal(incremental.Search(query, 20, Collections), bulk.Search(query, 20, Collections));
        }
    }

    [Fact]
    public void Unknown_terms_collections_and_empty_index_return_nothing()
    {
        var index = new Bm25Postings();
        Assert.Empty(index.Search(new Dictionary<string, int> { ["x"] = 1 }, 10, ["a"]));
        index.Add(1, "a", new Dictionary<string, int> { ["x"] = 2 }, 3);
        Assert.Empty(index.Search(new Dictionary<string, int> { ["y"] = 1 }, 10, ["a"]));
        Assert.Empty(index.Search(new Dictionary<string, int> { ["x"] = 1 }, 10, ["nope"]));
        Assert.Empty(index.Search(new Dictionary<string, int> { ["x"] = 1 }, 0, ["a"]));
        Assert.Equal([1L], index.Search(new Dictionary<string, int> { ["x"] = 1 }, 10, ["a"]).Select(h => h.ChunkId));
        Assert.Single(index.Search(new Dictionary<string, int> { ["x"] = 1 }, int.MaxValue, ["a"]));
    }

    private static void AssertSameAsExhaustive(Random random, Bm25Postings index, Dictionary<long, Doc> corpus, int top)
    {
        for (var q = 0; q < 200; q++)
        {
            var query = RandomQuery(random);
            var allowed = Collections.Where(_ => random.NextDouble() < 0.6).ToArray();
            var expected = Exhaustive(corpus, query, allowed).Take(top).ToList();
            var actual = index.Search(query, top, allowed);

            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Score, actual[i].Score, 1e-9);
            }

            // Ids agree except where scores tie within rounding (summation order differs).
            var tied = expected.Where(e => expected.Count(o => Math.Abs(o.Score - e.Score) < 1e-9) > 1 || Math.Abs(e.Score - expected[^1].Score) < 1e-9).Select(e => e.ChunkId).ToHashSet();
            Assert.Equal(expected.Select(e => e.ChunkId).Where(id => !tied.Contains(id)), actual.Select(a => a.ChunkId).Where(id => !tied.Contains(id)));
        }
    }

    // The FTS5 bm25() formula, scoring every document (the reference the pruned search must reproduce).
    private static IEnumerable<LexicalHit> Exhaustive(Dictionary<long, Doc> corpus, Dictionary<string, int> query, string[] allowed)
    {
        var n = corpus.Count;
        var average = corpus.Values.Average(d => (double)d.Length);
        var frequencies = query.Keys.ToDictionary(t => t, t => corpus.Values.Count(d => d.Terms.ContainsKey(t)), StringComparer.Ordinal);
        var hits = new List<LexicalHit>();
        foreach (var doc in corpus.Values.Where(d => allowed.Contains(d.Collection)))
        {
            var score = 0.0;
            var matched = false;
            foreach (var (term, times) in query)
            {
                if (!doc.Terms.TryGetValue(term, out var tf))
                {
                    continue;
                }

                matched = true;
                var df = frequencies[term];
                var idf = Math.Log((n - df + 0.5) / (df + 0.5));
                idf = idf <= 0 ? 1e-6 : idf;
                score += times * idf * tf * (Bm25Postings.K1 + 1) / (tf + (Bm25Postings.K1 * (1 - Bm25Postings.B + (Bm25Postings.B * doc.Length / average))));
            }

            if (matched)
            {
                hits.Add(new LexicalHit(doc.Id, score));
            }
        }

        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.ChunkId);
    }

    private static Dictionary<string, int> RandomQuery(Random random)
    {
        var query = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = random.Next(1, 8);
        for (var i = 0; i < words; i++)
        {
            var word = Word(random, 300);
            query[word] = query.GetValueOrDefault(word) + 1;
        }

        return query;
    }

    private static Dictionary<long, Doc> RandomCorpus(Random random, int count, int firstId = 1)
    {
        var corpus = new Dictionary<long, Doc>();
        for (var i = 0; i < count; i++)
        {
            var id = firstId + i;
            var terms = new Dictionary<string, int>(StringComparer.Ordinal);
            var length = random.Next(1, 60);
            for (var t = 0; t < length; t++)
            {
                var word = Word(random, 250);
                terms[word] = terms.GetValueOrDefault(word) + 1;
            }

            corpus[id] = new Doc(id, Collections[random.Next(Collections.Length)], terms, length + 1);
        }

        return corpus;
    }

    // Zipf-like: a few words in most documents, a long tail of rare ones (and some query words no document has).
    private static string Word(Random random, int vocabulary) => "w" + (int)(Math.Pow(random.NextDouble(), 3) * vocabulary);

    private sealed record Doc(long Id, string Collection, Dictionary<string, int> Terms, int Length);
}

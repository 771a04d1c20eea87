using ChatRag.Core.Indexing;

namespace ChatRag.VectorStore.Qdrant.Tests.Behaviour;

/// <summary>Hybrid ranking as Qdrant computes it: RRF from position 0 with the k we send, and a cut that does not flicker.</summary>
public abstract partial class QdrantBehaviourTests
{
    [Fact]
    public async Task Rrf_scores_are_cormacks_with_the_configured_k()
    {
        var index = await OpenAsync(o => o.RrfK = 60);
        var document = Guid.NewGuid();
        await index.UpsertAsync(Space,
        [
            new VectorRecord(1, document, "a", Unit(0.9f, 0.1f), "apples and pears"),
            new VectorRecord(2, document, "a", Unit(0.6f, 0.8f), "banana rocket"),
            new VectorRecord(3, document, "a", Unit(0.3f, 0, 0.95f), "rocket rocket"),
            new VectorRecord(4, document, "a", Unit(0, 0, 0, 0, 0, 0, 1), "nothing here"),
        ]);

        var hits = await index.SearchHybridAsync(Space, Query(4, "a"), "rocket");

        // Dense ranks 1,2,3,4; BM25 ranks 3 then 2. Cormack with k = 60: rank r scores 1 / (60 + r).
        Assert.Equal([3L, 2, 1, 4], hits.Select(h => h.ChunkId));
        Assert.Equal((1f / 61) + (1f / 63), hits[0].Score, 6);
        Assert.Equal((1f / 62) + (1f / 62), hits[1].Score, 6);
        Assert.Equal(1f / 61, hits[2].Score, 6);
        Assert.Equal(1f / 64, hits[3].Score, 6);
    }

    [Fact]
    public async Task Disjoint_dense_and_sparse_lists_cut_to_the_same_ids_every_time()
    {
        // Dense finds 1, 2, 3 first (no keyword); BM25 finds only 11, 12, 13 (orthogonal vectors). With a prefetch depth of 3
        // the lists are disjoint and tie in pairs: (1, 11), (2, 12), (3, 13). An odd top cuts one pair in half.
        var index = await OpenAsync(o => o.HybridPrefetchLimit = 3);
        var document = Guid.NewGuid();
        await index.UpsertAsync(Space,
        [
            new VectorRecord(1, document, "a", Unit(1, 0.1f), "alpha pad pad"),
            new VectorRecord(2, document, "a", Unit(1, 0.2f), "alpha pad pad"),
            new VectorRecord(3, document, "a", Unit(1, 0.3f), "alpha pad pad"),
            new VectorRecord(11, document, "a", Unit(0, 0, 0, 1), "zebra zebra zebra"),
            new VectorRecord(12, document, "a", Unit(0, 0, 0, 1, 0.1f), "zebra zebra pad"),
            new VectorRecord(13, document, "a", Unit(0, 0, 0, 1, 0.2f), "zebra pad pad"),
        ]);

        var runs = new List<long[]>();
        for (var i = 0; i < 20; i++)
        {
            runs.Add([.. (await index.SearchHybridAsync(Space, Query(3, "a"), "zebra")).Select(h => h.ChunkId)]);
        }

        // Ties go to the lower chunk id, as everywhere in ChatRag.
        Assert.All(runs, run => Assert.Equal([1L, 11, 2], run));
    }
}

using ChatRag.Core.Indexing;

namespace ChatRag.VectorStore.Qdrant.Tests.Behaviour;

/// <summary>Keyword weights (IDF) of one ChatRag collection do not depend on the other tenants of the Qdrant collection.</summary>
public abstract partial class QdrantBehaviourTests
{
    [Fact]
    public async Task A_tenants_hybrid_ranking_does_not_move_when_another_tenant_grows()
    {
        var index = await OpenAsync();
        var document = Guid.NewGuid();

        // In "a", alpha is rare (1 of 4) and beta common (2 of 4): BM25 ranks 1, 3, 2. Dense ranks 1, 2, 3, 4.
        await index.UpsertAsync(Space,
        [
            new VectorRecord(1, document, "a", Unit(1, 0.1f), "alpha pad pad"),
            new VectorRecord(2, document, "a", Unit(1, 0.2f), "beta pad pad"),
            new VectorRecord(3, document, "a", Unit(1, 0.3f), "beta beta pad"),
            new VectorRecord(4, document, "a", Unit(1, 0.4f), "pad pad pad"),
        ]);
        var before = await index.SearchHybridAsync(Space, Query(4, "a"), "alpha beta");

        // Tenant "b" makes alpha common across the Qdrant collection; collection-wide IDF would now rank 3, 2, 1 in "a".
        await index.UpsertAsync(Space, [.. Enumerable.Range(100, 60).Select(i => new VectorRecord(i, document, "b", Unit(0, 1), "alpha pad pad"))]);
        var after = await index.SearchHybridAsync(Space, Query(4, "a"), "alpha beta");

        Assert.Equal(before.Select(h => (h.ChunkId, h.Score)), after.Select(h => (h.ChunkId, h.Score)));
        Assert.Equal(1, after[0].ChunkId);
    }

    [Fact]
    public async Task Re_ingesting_other_documents_does_not_skew_keyword_weights_before_optimisation()
    {
        var index = await OpenAsync();
        var kept = Guid.NewGuid();
        await index.UpsertAsync(Space,
        [
            new VectorRecord(1, kept, "a", Unit(1, 0.1f), "alpha pad pad"),
            new VectorRecord(2, kept, "a", Unit(1, 0.2f), "beta pad pad"),
            new VectorRecord(3, kept, "a", Unit(1, 0.3f), "beta beta pad"),
            new VectorRecord(4, kept, "a", Unit(1, 0.4f), "pad pad pad"),
        ]);
        var before = await index.SearchHybridAsync(Space, Query(4, "a"), "alpha beta");

        // A document full of "alpha" re-ingested (overwritten, then deleted) again and again: its old versions stay in
        // Qdrant's posting lists until the optimiser runs, and collection-wide IDF would count them.
        var churn = Guid.NewGuid();
        for (var round = 0; round < 5; round++)
        {
            await index.UpsertAsync(Space, [.. Enumerable.Range(100, 12).Select(i => new VectorRecord(i, churn, "a", Unit(0, 1), "alpha pad pad"))]);
        }

        await index.DeleteDocumentAsync(churn);
        var after = await index.SearchHybridAsync(Space, Query(4, "a"), "alpha beta");

        Assert.Equal(before.Select(h => (h.ChunkId, h.Score)), after.Select(h => (h.ChunkId, h.Score)));
    }
}

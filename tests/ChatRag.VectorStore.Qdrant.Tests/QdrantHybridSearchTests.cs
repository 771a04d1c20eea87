using ChatRag.Core.Indexing;
using ChatRag.VectorStore.Qdrant.Tests.Fakes;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant.Tests;

/// <summary>Hybrid search inside Qdrant: dense and sparse prefetches, each filtered, fused with RRF.</summary>
public sealed class QdrantHybridSearchTests
{
    private readonly InMemoryQdrantClient server = new();
    private readonly Guid document = Guid.NewGuid();

    [Fact]
    public async Task Every_prefetch_carries_the_collection_filter_and_the_fusion_is_rrf()
    {
        var index = await QdrantTestIndex.OpenAsync(server);

        await index.SearchHybridAsync(QdrantTestIndex.Space, new VectorQuery(QdrantTestIndex.Unit(8, 1), 5, ["a", "b"]), "rocket fuel");

        var request = server.RequestsOf<QueryPoints>().Last();
        Assert.Equal(61U, request.Query.Rrf.K); // Cormack's 60 is Qdrant's 61: Qdrant counts positions from 0
        Assert.Equal(200UL, request.Limit); // the whole fused list (2 prefetches x 100); the adapter cuts to the top itself
        Assert.Equal([QdrantSchema.DenseVector, QdrantSchema.SparseVector], request.Prefetch.Select(p => p.Using));
        Assert.All(request.Prefetch, p =>
        {
            var condition = Assert.Single(p.Filter.Must).Field;
            Assert.Equal(QdrantSchema.CollectionField, condition.Key);
            Assert.Equal(["a", "b"], condition.Match.Keywords.Strings);
            Assert.True(p.Limit >= 5);
        });
        Assert.Equal(SparseTermEncoder.EncodeQuery("rocket fuel").Indices, request.Prefetch[1].Query.Nearest.Sparse.Indices);
    }

    [Fact]
    public async Task Fusion_lifts_keyword_matches_above_a_pure_dense_ranking()
    {
        var index = await SeedAsync();
        var query = new VectorQuery(QdrantTestIndex.Unit(8, 1), 4, ["a"]);

        var dense = await index.SearchAsync(QdrantTestIndex.Space, query);
        var hybrid = await index.SearchHybridAsync(QdrantTestIndex.Space, query, "rocket");

        Assert.Equal([1L, 2, 3, 4], dense.Select(h => h.ChunkId));
        // Dense ranks 1,2,3,4; BM25 ranks 3 ("rocket rocket") then 2. RRF (Cormack k=60): 3 = 1/63+1/61, 2 = 1/62+1/62, 1 = 1/61, 4 = 1/64.
        Assert.Equal([3L, 2, 1, 4], hybrid.Select(h => h.ChunkId));
        Assert.True(hybrid.Zip(hybrid.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public async Task The_configured_rrf_constant_is_sent_to_qdrant()
    {
        var index = await SeedAsync(o => o.RrfK = 2);

        var hits = await index.SearchHybridAsync(QdrantTestIndex.Space, new VectorQuery(QdrantTestIndex.Unit(8, 1), 4, ["a"]), "rocket");

        Assert.Equal(3U, server.RequestsOf<QueryPoints>().Last().Query.Rrf.K);
        Assert.Equal([3L, 2, 1, 4], hits.Select(h => h.ChunkId));
        Assert.Equal((1f / 5) + (1f / 3), hits[0].Score, 5); // ranks 3 and 1 with Cormack k = 2
    }

    [Fact]
    public async Task Without_a_constant_plain_rrf_fusion_is_sent_for_older_servers()
    {
        var index = await SeedAsync(o => o.RrfK = null);

        var hits = await index.SearchHybridAsync(QdrantTestIndex.Space, new VectorQuery(QdrantTestIndex.Unit(8, 1), 4, ["a"]), "rocket");

        Assert.Equal(Fusion.Rrf, server.RequestsOf<QueryPoints>().Last().Query.Fusion);
        Assert.Equal([3L, 2, 1, 4], hits.Select(h => h.ChunkId));
    }

    [Fact]
    public async Task Hybrid_results_stay_inside_the_requested_collections_even_when_others_are_closer()
    {
        var index = await QdrantTestIndex.OpenAsync(server, configure: o => o.HybridPrefetchLimit = 20);
        var crowd = Enumerable.Range(100, 200).Select(i => new VectorRecord(i, document, "b", QdrantTestIndex.Unit(8, 1, 0.01f * (i % 7)), "rocket launch rocket")).ToList();
        var mine = Enumerable.Range(1, 5).Select(i => new VectorRecord(i, document, "a", QdrantTestIndex.Unit(8, 0, 1, i), "a quiet rocket")).ToList();
        await index.UpsertAsync(QdrantTestIndex.Space, [.. crowd, .. mine]);

        var hits = await index.SearchHybridAsync(QdrantTestIndex.Space, new VectorQuery(QdrantTestIndex.Unit(8, 1), 5, ["a"]), "rocket launch");

        Assert.Equal([1L, 2, 3, 4, 5], hits.Select(h => h.ChunkId).Order());
    }

    [Fact]
    public async Task Hybrid_results_stay_inside_the_chosen_documents_even_when_others_are_closer()
    {
        // Same collection, so only the document filter keeps the crowd out; the prefetch limit is far below the crowd's size.
        var index = await QdrantTestIndex.OpenAsync(server, configure: o => o.HybridPrefetchLimit = 20);
        var chosen = Guid.NewGuid();
        var crowd = Enumerable.Range(100, 200).Select(i => new VectorRecord(i, document, "a", QdrantTestIndex.Unit(8, 1, 0.01f * (i % 7)), "rocket launch rocket")).ToList();
        var mine = Enumerable.Range(1, 5).Select(i => new VectorRecord(i, chosen, "a", QdrantTestIndex.Unit(8, 0, 1, i), "a quiet rocket")).ToList();
        await index.UpsertAsync(QdrantTestIndex.Space, [.. crowd, .. mine]);

        var hits = await index.SearchHybridAsync(QdrantTestIndex.Space, new VectorQuery(QdrantTestIndex.Unit(8, 1), 5, ["a"]) { Documents = [chosen] }, "rocket launch");

        Assert.Equal([1L, 2, 3, 4, 5], hits.Select(h => h.ChunkId).Order());
        var request = server.RequestsOf<QueryPoints>().Last();
        Assert.All(request.Prefetch.Append(new PrefetchQuery { Filter = request.Filter }), p =>
            Assert.Contains(p.Filter.Must, c => c.Field.Key == QdrantSchema.DocumentIdField && c.Field.Match.Keyword == chosen.ToString("D")));
    }

    [Fact]
    public async Task A_query_without_keywords_falls_back_to_the_dense_ranking()
    {
        var index = await SeedAsync();
        var query = new VectorQuery(QdrantTestIndex.Unit(8, 1), 4, ["a"]);

        var hits = await index.SearchHybridAsync(QdrantTestIndex.Space, query, "?!");

        Assert.Equal((await index.SearchAsync(QdrantTestIndex.Space, query)).Select(h => h.ChunkId), hits.Select(h => h.ChunkId));
        Assert.DoesNotContain(server.RequestsOf<QueryPoints>(), r => r.Prefetch.Count > 0);
    }

    [Fact]
    public async Task Hybrid_over_no_collection_or_an_unknown_space_returns_nothing()
    {
        var index = await SeedAsync();

        Assert.Empty(await index.SearchHybridAsync(QdrantTestIndex.Space, new VectorQuery(QdrantTestIndex.Unit(8, 1), 4, []), "rocket"));
        Assert.Empty(await index.SearchHybridAsync("never-created", new VectorQuery(QdrantTestIndex.Unit(8, 1), 4, ["a"]), "rocket"));
    }

    private async Task<QdrantVectorIndex> SeedAsync(Action<QdrantOptions>? configure = null)
    {
        var index = await QdrantTestIndex.OpenAsync(server, configure: configure);
        await index.UpsertAsync(QdrantTestIndex.Space,
        [
            new VectorRecord(1, document, "a", QdrantTestIndex.Unit(8, 0.9f, 0.1f), "apples and pears"),
            new VectorRecord(2, document, "a", QdrantTestIndex.Unit(8, 0.6f, 0.8f), "banana rocket"),
            new VectorRecord(3, document, "a", QdrantTestIndex.Unit(8, 0.3f, 0, 0.95f), "rocket rocket"),
            new VectorRecord(4, document, "a", QdrantTestIndex.Unit(8, 0, 0, 0, 0, 0, 1), "nothing here"),
            new VectorRecord(5, document, "b", QdrantTestIndex.Unit(8, 1), "rocket rocket rocket"),
        ]);
        return index;
    }
}

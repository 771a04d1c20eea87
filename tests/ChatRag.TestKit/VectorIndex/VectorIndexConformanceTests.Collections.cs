using ChatRag.Core.Indexing;
using Xunit;

namespace ChatRag.TestKit.VectorIndex;

/// <summary>Collection filtering: applied inside the search, so a scoped query still fills its top-k.</summary>
public abstract partial class VectorIndexConformanceTests
{
    [Fact]
    public async Task Collection_filter_never_returns_other_collections_even_when_closer()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(20, Dimensions);
        var target = vectors.Next();
        // B is large and sits right around the query; A is small and random. A post-filter over a global top-k would come back empty.
        var near = Enumerable.Range(0, 300).Select(i => new VectorRecord(1000 + i, Guid.NewGuid(), "b", vectors.Near(target, 0.05))).ToList();
        var far = Records(vectors, 1, 25, Guid.NewGuid(), "a");
        await index.UpsertAsync(Space, [.. near, .. far]);

        var hits = await index.SearchAsync(Space, Query(target, 10, "a"));

        Assert.Equal(Exact(far, target, 10).Select(h => h.ChunkId), hits.Select(h => h.ChunkId));
    }

    [Fact]
    public async Task Multi_collection_queries_merge_results_across_collections()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(21, Dimensions);
        var a = Records(vectors, 1, 60, Guid.NewGuid(), "a");
        var b = Records(vectors, 100, 60, Guid.NewGuid(), "b");
        var c = Records(vectors, 200, 60, Guid.NewGuid(), "c");
        await index.UpsertAsync(Space, [.. a, .. b, .. c]);

        for (var q = 0; q < 5; q++)
        {
            var query = vectors.Next();
            var hits = await index.SearchAsync(Space, Query(query, 15, "a", "b"));

            Assert.Equal(Exact([.. a, .. b], query, 15).Select(h => h.ChunkId), hits.Select(h => h.ChunkId));
        }
    }

    [Fact]
    public async Task Empty_collection_list_returns_no_hits()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(22, Dimensions);
        await index.UpsertAsync(Space, Records(vectors, 1, 10, Guid.NewGuid()));

        var hits = await index.SearchAsync(Space, new VectorQuery(vectors.Next(), 5, []));

        Assert.Empty(hits);
    }

    [Fact]
    public async Task Unknown_collection_returns_no_hits()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(23, Dimensions);
        await index.UpsertAsync(Space, Records(vectors, 1, 10, Guid.NewGuid()));

        Assert.Empty(await index.SearchAsync(Space, Query(vectors.Next(), 5, "nope")));
    }

    [Fact]
    public async Task Spaces_are_isolated_from_each_other()
    {
        var index = await OpenAsync(Space, "other");
        var vectors = new SeededVectors(24, Dimensions);
        var inOther = Records(vectors, 500, 10, Guid.NewGuid());
        await index.UpsertAsync("other", inOther);
        await index.UpsertAsync(Space, Records(vectors, 1, 10, Guid.NewGuid()));

        var hits = await index.SearchAsync(Space, Query(inOther[0].Vector, 20));

        Assert.All(hits, h => Assert.InRange(h.ChunkId, 1, 10));
    }
}

using ChatRag.Core.Indexing;
using Xunit;

namespace ChatRag.TestKit.VectorIndex;

/// <summary>
/// Chosen documents (<see cref="VectorQuery.Documents"/>): applied inside the search like the collection filter, so a
/// query over a few documents still fills its top-k even when the rest of the collection sits closer to the query.
/// </summary>
public abstract partial class VectorIndexConformanceTests
{
    [Fact]
    public async Task Document_filter_never_returns_other_documents_even_when_closer()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(40, Dimensions);
        var target = vectors.Next();
        // One big document surrounds the query in the same collection; the chosen one is small and random.
        // A post-filter over a global top-k (or over an over-sampled graph search) would come back empty.
        var crowd = Guid.NewGuid();
        var near = Enumerable.Range(0, 300).Select(i => new VectorRecord(1000 + i, crowd, "a", vectors.Near(target, 0.05))).ToList();
        var chosen = Guid.NewGuid();
        var far = Records(vectors, 1, 25, chosen, "a");
        await index.UpsertAsync(Space, [.. near, .. far]);

        var hits = await index.SearchAsync(Space, Query(target, 10, "a") with { Documents = [chosen] });

        Assert.Equal(Exact(far, target, 10).Select(h => h.ChunkId), hits.Select(h => h.ChunkId));
    }

    [Fact]
    public async Task Several_chosen_documents_merge_and_the_rest_stays_out()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(41, Dimensions);
        var first = Records(vectors, 1, 40, Guid.NewGuid(), "a");
        var second = Records(vectors, 100, 40, Guid.NewGuid(), "a");
        var other = Records(vectors, 200, 200, Guid.NewGuid(), "a");
        await index.UpsertAsync(Space, [.. first, .. second, .. other]);

        for (var q = 0; q < 3; q++)
        {
            var query = vectors.Next();
            var hits = await index.SearchAsync(Space, Query(query, 15, "a") with { Documents = [first[0].DocumentId, second[0].DocumentId] });

            Assert.Equal(Exact([.. first, .. second], query, 15).Select(h => h.ChunkId), hits.Select(h => h.ChunkId));
        }
    }

    [Fact]
    public async Task Document_filter_and_collection_filter_both_apply()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(42, Dimensions);
        var inB = Records(vectors, 1, 20, Guid.NewGuid(), "b");
        var inA = Records(vectors, 100, 20, Guid.NewGuid(), "a");
        await index.UpsertAsync(Space, [.. inB, .. inA]);

        // A document of collection b chosen while searching collection a: the collection filter still holds.
        Assert.Empty(await index.SearchAsync(Space, Query(inB[0].Vector, 10, "a") with { Documents = [inB[0].DocumentId] }));
        Assert.Equal(inB[0].ChunkId, (await index.SearchAsync(Space, Query(inB[0].Vector, 10, "a", "b") with { Documents = [inB[0].DocumentId] }))[0].ChunkId);
    }

    [Fact]
    public async Task Empty_document_set_returns_no_hits()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(43, Dimensions);
        await index.UpsertAsync(Space, Records(vectors, 1, 10, Guid.NewGuid()));

        Assert.Empty(await index.SearchAsync(Space, Query(vectors.Next(), 5) with { Documents = [] }));
    }
}

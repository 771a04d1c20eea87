using ChatRag.Core.Indexing;
using Xunit;

namespace ChatRag.TestKit.VectorIndex;

/// <summary>Upsert, delete and count behaviour.</summary>
public abstract partial class VectorIndexConformanceTests
{
    [Fact]
    public async Task Upsert_with_an_existing_chunk_id_replaces_the_vector()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(10, Dimensions);
        var document = Guid.NewGuid();
        var records = Records(vectors, 1, 50, document);
        await index.UpsertAsync(Space, records);
        var replacement = vectors.Next();

        await index.UpsertAsync(Space, [new VectorRecord(7, document, "a", replacement)]);

        Assert.Equal(50, await index.CountAsync(Space));
        var byNew = await index.SearchAsync(Space, Query(replacement, 1));
        Assert.Equal(7, byNew[0].ChunkId);
        Assert.InRange(byNew[0].Score, 0.999f, 1.001f);
        var byOld = await index.SearchAsync(Space, Query(records[6].Vector, 50));
        Assert.Single(byOld, h => h.ChunkId == 7);
        Assert.True(byOld.Single(h => h.ChunkId == 7).Score < 0.9f, "the old vector must be gone");
    }

    [Fact]
    public async Task Upsert_can_move_a_chunk_to_another_collection()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(11, Dimensions);
        var document = Guid.NewGuid();
        var record = new VectorRecord(1, document, "a", vectors.Next());
        await index.UpsertAsync(Space, [record, .. Records(vectors, 10, 5, document)]);

        await index.UpsertAsync(Space, [record with { Collection = "b" }]);

        Assert.DoesNotContain(await index.SearchAsync(Space, Query(record.Vector, 10, "a")), h => h.ChunkId == 1);
        Assert.Equal(1, (await index.SearchAsync(Space, Query(record.Vector, 10, "b")))[0].ChunkId);
        Assert.Equal(6, await index.CountAsync(Space));
    }

    [Fact]
    public async Task Delete_document_removes_only_its_vectors_in_every_space()
    {
        var index = await OpenAsync(Space, "second");
        var vectors = new SeededVectors(12, Dimensions);
        var doomed = Guid.NewGuid();
        var kept = Guid.NewGuid();
        var doomedRecords = Records(vectors, 1, 40, doomed);
        var keptRecords = Records(vectors, 100, 40, kept);
        foreach (var space in new[] { Space, "second" })
        {
            await index.UpsertAsync(space, [.. doomedRecords, .. keptRecords]);
        }

        await index.DeleteDocumentAsync(doomed);

        foreach (var space in new[] { Space, "second" })
        {
            Assert.Equal(40, await index.CountAsync(space));
            foreach (var record in doomedRecords.Take(5))
            {
                var hits = await index.SearchAsync(space, Query(record.Vector, 100));
                Assert.Equal(40, hits.Count);
                Assert.All(hits, h => Assert.InRange(h.ChunkId, 100, 139));
            }
        }
    }

    [Fact]
    public async Task Delete_of_an_unknown_document_is_a_no_op()
    {
        var index = await OpenAsync();
        await index.UpsertAsync(Space, Records(new SeededVectors(13, Dimensions), 1, 5, Guid.NewGuid()));

        await index.DeleteDocumentAsync(Guid.NewGuid());

        Assert.Equal(5, await index.CountAsync(Space));
    }

    [Fact]
    public async Task Deleted_chunks_can_be_upserted_again()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(14, Dimensions);
        var document = Guid.NewGuid();
        var records = Records(vectors, 1, 10, document);
        await index.UpsertAsync(Space, records);
        await index.DeleteDocumentAsync(document);

        await index.UpsertAsync(Space, records);

        Assert.Equal(10, await index.CountAsync(Space));
        Assert.Equal(records[3].ChunkId, (await index.SearchAsync(Space, Query(records[3].Vector, 1)))[0].ChunkId);
    }

    [Fact]
    public async Task Count_is_per_space_and_zero_for_unknown_spaces()
    {
        var index = await OpenAsync(Space, "other");
        var vectors = new SeededVectors(15, Dimensions);
        await index.UpsertAsync(Space, Records(vectors, 1, 12, Guid.NewGuid()));
        await index.UpsertAsync("other", Records(vectors, 1, 3, Guid.NewGuid(), "b"));

        Assert.Equal(12, await index.CountAsync(Space));
        Assert.Equal(3, await index.CountAsync("other"));
        Assert.Equal(0, await index.CountAsync("never-created"));
    }

    [Fact]
    public async Task Unknown_space_searches_return_no_hits()
    {
        var index = await OpenAsync();

        var hits = await index.SearchAsync("never-created", Query(new SeededVectors(16, Dimensions).Next(), 5));

        Assert.Empty(hits);
    }

    [Fact]
    public async Task Index_reports_healthy_and_a_name()
    {
        var index = await OpenAsync();

        Assert.True(await index.IsHealthyAsync());
        Assert.False(string.IsNullOrWhiteSpace(index.Name));
    }
}

using ChatRag.Core.Indexing;
using Xunit;

namespace ChatRag.TestKit.VectorIndex;

/// <summary>Restart persistence and concurrency.</summary>
public abstract partial class VectorIndexConformanceTests
{
    /// <summary>
    /// Virtual so an in-memory implementation, which has nothing to reopen, overrides it with a skipping
    /// <c>[Fact(Skip = ...)]</c>: xunit 2 cannot skip at run time, and an early return would count as a pass.
    /// </summary>
    [Fact]
    public virtual async Task Data_survives_dispose_and_reopen_over_the_same_directory()
    {
        var vectors = new SeededVectors(30, Dimensions);
        var doomed = Guid.NewGuid();
        var kept = Records(vectors, 1, 120, Guid.NewGuid());
        var index = await OpenAsync(Space, "second");
        await index.UpsertAsync(Space, kept);
        await index.UpsertAsync(Space, Records(vectors, 1000, 30, doomed, "b"));
        await index.UpsertAsync("second", Records(vectors, 1, 5, doomed));
        var replacement = vectors.Next();
        await index.UpsertAsync(Space, [kept[0] with { Vector = replacement }]);
        await index.DeleteDocumentAsync(doomed);
        var queries = Enumerable.Range(0, 5).Select(_ => vectors.Next()).ToList();
        var before = new List<IReadOnlyList<VectorHit>>();
        foreach (var query in queries)
        {
            before.Add(await index.SearchAsync(Space, Query(query, 10, "a", "b")));
        }

        await CloseAsync(index);
        var reopened = await OpenAsync(Space, "second");

        Assert.Equal(120, await reopened.CountAsync(Space));
        Assert.Equal(0, await reopened.CountAsync("second"));
        for (var q = 0; q < queries.Count; q++)
        {
            var after = await reopened.SearchAsync(Space, Query(queries[q], 10, "a", "b"));
            Assert.Equal(before[q].Select(h => h.ChunkId), after.Select(h => h.ChunkId));
        }

        Assert.Equal(kept[0].ChunkId, (await reopened.SearchAsync(Space, Query(replacement, 1)))[0].ChunkId);
        await Assert.ThrowsAsync<VectorSpaceMismatchException>(() => reopened.EnsureSpaceAsync(new VectorSpace(Space, Dimensions * 2)));
    }

    [Fact]
    public async Task Concurrent_upserts_and_searches_do_not_corrupt_the_index()
    {
        const int writers = 4;
        const int batches = 25;
        const int batchSize = 8;
        var index = await OpenAsync();
        var written = new VectorRecord[writers][];

        var writerTasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var vectors = new SeededVectors(100 + w, Dimensions);
            var mine = new List<VectorRecord>();
            for (var b = 0; b < batches; b++)
            {
                var batch = Records(vectors, (w * 100_000) + (b * batchSize), batchSize, Guid.NewGuid(), w % 2 == 0 ? "a" : "b");
                await index.UpsertAsync(Space, batch);
                mine.AddRange(batch);
            }

            written[w] = [.. mine];
        }));
        var readerTasks = Enumerable.Range(0, 2).Select(r => Task.Run(async () =>
        {
            var vectors = new SeededVectors(200 + r, Dimensions);
            for (var i = 0; i < 60; i++)
            {
                var hits = await index.SearchAsync(Space, Query(vectors.Next(), 10, "a", "b"));
                Assert.True(hits.Count <= 10);
                Assert.Equal(hits.Count, hits.Select(h => h.ChunkId).Distinct().Count());
                Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
            }
        }));
        await Task.WhenAll([.. writerTasks, .. readerTasks]);

        Assert.Equal(writers * batches * batchSize, await index.CountAsync(Space));
        foreach (var record in written.SelectMany(w => w).Where((_, i) => i % 37 == 0))
        {
            var hits = await index.SearchAsync(Space, Query(record.Vector, 1, record.Collection));
            Assert.Equal(record.ChunkId, hits[0].ChunkId);
        }
    }
}

using ChatRag.Core.Indexing;
using ChatRag.TestKit.VectorIndex;

namespace ChatRag.VectorStore.Embedded.Tests;

public sealed class AnnTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(AnnQuantization.I8)]
    [InlineData(AnnQuantization.F32)]
    [InlineData(AnnQuantization.F16)]
    public async Task Graph_search_agrees_with_exact_search_above_the_threshold(AnnQuantization quantization)
    {
        var options = IndexFactory.Options(directory.Path, annThreshold: 1_000);
        options.AnnQuantization = quantization;
        using var index = await IndexFactory.OpenAsync(options);
        var records = IndexFactory.Records(1, 1, 3_000);
        await index.UpsertAsync(IndexFactory.Space, records);
        var partition = IndexFactory.Partition(index);
        Assert.True(partition.HasAnn);

        var queries = new SeededVectors(2, IndexFactory.Dimensions);
        double recall = 0;
        for (var q = 0; q < 50; q++)
        {
            var query = queries.Next();
            var exact = partition.SearchExact(query, 10).ToSortedList();
            var hits = await index.SearchAsync(IndexFactory.Space, new VectorQuery(query, 10, ["a"]));
            recall += hits.Count(h => exact.Any(e => e.ChunkId == h.ChunkId)) / 10.0;
            // Graph hits are re-scored exactly, so any hit both return carries the exact score.
            foreach (var hit in hits.Where(h => exact.Any(e => e.ChunkId == h.ChunkId)))
            {
                Assert.InRange(hit.Score - exact.Single(e => e.ChunkId == hit.ChunkId).Score, -1e-5f, 1e-5f);
            }
        }

        Assert.True(recall / 50 >= 0.95, $"recall@10 {recall / 50:F3}");
        foreach (var record in records.Where((_, i) => i % 100 == 0))
        {
            Assert.Equal(record.ChunkId, (await index.SearchAsync(IndexFactory.Space, new VectorQuery(record.Vector, 1, ["a"])))[0].ChunkId);
        }
    }

    [Fact]
    public async Task Saved_graph_is_reused_on_restart()
    {
        var options = IndexFactory.Options(directory.Path);
        var records = IndexFactory.Records(3, 1, 1_500);
        using (var index = await IndexFactory.OpenAsync(options))
        {
            await index.UpsertAsync(IndexFactory.Space, records);
            Assert.Equal(1, IndexFactory.Partition(index).AnnBuilds);
        }

        using var reopened = await IndexFactory.OpenAsync(options);

        var partition = IndexFactory.Partition(reopened);
        Assert.True(partition.HasAnn);
        Assert.Equal(0, partition.AnnBuilds);
        Assert.Equal(records[42].ChunkId, (await reopened.SearchAsync(IndexFactory.Space, new VectorQuery(records[42].Vector, 1, ["a"])))[0].ChunkId);
    }

    [Fact]
    public async Task Missing_graph_is_rebuilt_on_restart()
    {
        var options = IndexFactory.Options(directory.Path);
        var records = IndexFactory.Records(4, 1, 1_500);
        string annPath;
        using (var index = await IndexFactory.OpenAsync(options))
        {
            await index.UpsertAsync(IndexFactory.Space, records);
            annPath = IndexFactory.Partition(index).AnnPath;
        }

        File.Delete(annPath);
        using var reopened = await IndexFactory.OpenAsync(options);

        var partition = IndexFactory.Partition(reopened);
        Assert.Equal(1, partition.AnnBuilds);
        Assert.True(File.Exists(annPath));
        Assert.Equal(records[7].ChunkId, (await reopened.SearchAsync(IndexFactory.Space, new VectorQuery(records[7].Vector, 1, ["a"])))[0].ChunkId);
    }

    [Fact]
    public async Task Corrupt_graph_file_is_rebuilt_on_restart()
    {
        var options = IndexFactory.Options(directory.Path);
        string annPath;
        using (var index = await IndexFactory.OpenAsync(options))
        {
            await index.UpsertAsync(IndexFactory.Space, IndexFactory.Records(5, 1, 1_200));
            annPath = IndexFactory.Partition(index).AnnPath;
        }

        await File.WriteAllBytesAsync(annPath, new byte[64]);
        using var reopened = await IndexFactory.OpenAsync(options);

        Assert.Equal(1, IndexFactory.Partition(reopened).AnnBuilds);
        Assert.Equal(1_200, await reopened.CountAsync(IndexFactory.Space));
    }

    [Fact]
    public async Task Stale_graph_catches_up_with_writes_made_after_it_was_saved()
    {
        var options = IndexFactory.Options(directory.Path);
        var first = IndexFactory.Records(6, 1, 1_500);
        var doomed = IndexFactory.Records(66, 5_000, 100);
        var later = IndexFactory.Records(7, 10_000, 200);
        string annPath;
        using (var index = await IndexFactory.OpenAsync(options))
        {
            await index.UpsertAsync(IndexFactory.Space, [.. first, .. doomed]);
            annPath = IndexFactory.Partition(index).AnnPath;
        }

        // Keep the graph as saved now, write more, then put the old graph back: what a crash before the final save leaves.
        File.Copy(annPath, annPath + ".old");
        File.Copy(annPath + ".meta", annPath + ".meta.old");
        using (var index = await IndexFactory.OpenAsync(options))
        {
            await index.UpsertAsync(IndexFactory.Space, later);
            await index.DeleteDocumentAsync(doomed[0].DocumentId);
        }

        File.Move(annPath + ".old", annPath, overwrite: true);
        File.Move(annPath + ".meta.old", annPath + ".meta", overwrite: true);
        using var reopened = await IndexFactory.OpenAsync(options);

        var partition = IndexFactory.Partition(reopened);
        Assert.Equal(0, partition.AnnBuilds);
        Assert.True(partition.HasAnn);
        Assert.Equal(1_700, await reopened.CountAsync(IndexFactory.Space));
        Assert.Equal(later[5].ChunkId, (await reopened.SearchAsync(IndexFactory.Space, new VectorQuery(later[5].Vector, 10, ["a"])))[0].ChunkId);
        foreach (var gone in doomed.Take(10))
        {
            var hits = await reopened.SearchAsync(IndexFactory.Space, new VectorQuery(gone.Vector, 10, ["a"]));
            Assert.DoesNotContain(hits, h => h.ChunkId >= 5_000 && h.ChunkId < 5_100);
        }
    }

    [Fact]
    public async Task Compaction_keeps_the_graph_consistent_across_restarts()
    {
        var options = IndexFactory.Options(directory.Path);
        options.CompactionMinRecords = 100;
        var kept = IndexFactory.Records(10, 1, 1_200);
        var doomed = IndexFactory.Records(11, 5_000, 1_500);
        long journalBefore;
        using (var index = await IndexFactory.OpenAsync(options))
        {
            await index.UpsertAsync(IndexFactory.Space, [.. kept, .. doomed]);
            journalBefore = new FileInfo(IndexFactory.Partition(index).LogPath).Length;
            await index.DeleteDocumentAsync(doomed[0].DocumentId);
            var partition = IndexFactory.Partition(index);
            Assert.True(new FileInfo(partition.LogPath).Length < journalBefore / 2, "the journal should have been compacted");
            Assert.True(partition.HasAnn);
        }

        using var reopened = await IndexFactory.OpenAsync(options);

        Assert.Equal(0, IndexFactory.Partition(reopened).AnnBuilds);
        Assert.Equal(1_200, await reopened.CountAsync(IndexFactory.Space));
        foreach (var record in doomed.Take(10))
        {
            var hits = await reopened.SearchAsync(IndexFactory.Space, new VectorQuery(record.Vector, 10, ["a"]));
            Assert.All(hits, h => Assert.InRange(h.ChunkId, 1, 1_200));
        }

        Assert.Equal(kept[77].ChunkId, (await reopened.SearchAsync(IndexFactory.Space, new VectorQuery(kept[77].Vector, 1, ["a"])))[0].ChunkId);
    }

    [Fact]
    public async Task Graph_is_dropped_when_a_partition_shrinks_well_below_the_threshold()
    {
        using var index = await IndexFactory.OpenAsync(IndexFactory.Options(directory.Path));
        var document = Guid.NewGuid();
        await index.UpsertAsync(IndexFactory.Space, IndexFactory.Records(8, 1, 1_100, document));
        await index.UpsertAsync(IndexFactory.Space, IndexFactory.Records(9, 5_000, 100));
        var partition = IndexFactory.Partition(index);
        Assert.True(partition.HasAnn);

        await index.DeleteDocumentAsync(document);

        Assert.False(partition.HasAnn);
        Assert.False(File.Exists(partition.AnnPath));
        Assert.Equal(100, await index.CountAsync(IndexFactory.Space));
    }
}

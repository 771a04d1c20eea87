using ChatRag.Core.Indexing;

namespace ChatRag.VectorStore.Embedded.Tests;

public sealed class JournalTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Torn_last_record_is_cut_off_and_the_rest_is_kept()
    {
        var options = IndexFactory.Options(directory.Path);
        var records = IndexFactory.Records(1, 1, 10);
        var path = await WriteAsync(options, records);
        var length = new FileInfo(path).Length;
        using (var file = File.OpenWrite(path))
        {
            file.SetLength(length - 7); // a crash in the middle of the last append
        }

        using (var index = await IndexFactory.OpenAsync(options))
        {
            Assert.Equal(9, await index.CountAsync(IndexFactory.Space));
            Assert.Equal(records[8].ChunkId, (await index.SearchAsync(IndexFactory.Space, new VectorQuery(records[8].Vector, 1, ["a"])))[0].ChunkId);
            Assert.True(new FileInfo(path).Length < length - 7, "the torn bytes must be removed from the file");
            await index.UpsertAsync(IndexFactory.Space, [records[9]]);
        }

        using var reopened = await IndexFactory.OpenAsync(options);
        Assert.Equal(10, await reopened.CountAsync(IndexFactory.Space));
    }

    [Fact]
    public async Task Corrupt_record_is_detected_and_never_read_back_as_a_vector()
    {
        var options = IndexFactory.Options(directory.Path);
        var records = IndexFactory.Records(2, 1, 10);
        var path = await WriteAsync(options, records);
        var bytes = await File.ReadAllBytesAsync(path);
        var recordSize = 1 + 8 + 16 + (IndexFactory.Dimensions * 4) + 4;
        var headerSize = bytes.Length - (10 * recordSize);
        bytes[headerSize + (6 * recordSize) + 40] ^= 0x5A; // flip bits inside the 7th vector
        await File.WriteAllBytesAsync(path, bytes);

        using var index = await IndexFactory.OpenAsync(options);

        Assert.Equal(6, await index.CountAsync(IndexFactory.Space));
        var hits = await index.SearchAsync(IndexFactory.Space, new VectorQuery(records[6].Vector, 10, ["a"]));
        Assert.All(hits, h => Assert.InRange(h.ChunkId, 1, 6));
    }

    [Fact]
    public async Task Journal_with_a_bad_header_is_set_aside_and_other_collections_still_load()
    {
        var options = IndexFactory.Options(directory.Path);
        var good = IndexFactory.Records(3, 100, 5, collection: "good");
        string path;
        using (var index = await IndexFactory.OpenAsync(options))
        {
            await index.UpsertAsync(IndexFactory.Space, [.. IndexFactory.Records(4, 1, 5), .. good]);
            path = IndexFactory.Partition(index).LogPath;
        }

        var bytes = await File.ReadAllBytesAsync(path);
        bytes[0] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);

        using var reopened = await IndexFactory.OpenAsync(options);

        Assert.Equal(5, await reopened.CountAsync(IndexFactory.Space));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.corrupt-*"));
        Assert.Equal(100, (await reopened.SearchAsync(IndexFactory.Space, new VectorQuery(good[0].Vector, 1, ["good"])))[0].ChunkId);
        Assert.Empty(await reopened.SearchAsync(IndexFactory.Space, new VectorQuery(good[0].Vector, 1, ["a"])));
    }

    [Fact]
    public async Task Mostly_obsolete_journal_is_compacted_and_still_reopens()
    {
        var options = IndexFactory.Options(directory.Path, annThreshold: 100_000);
        options.CompactionMinRecords = 100;
        var doomed = IndexFactory.Records(5, 1, 600);
        var kept = IndexFactory.Records(6, 1_000, 100);
        string path;
        long before;
        using (var index = await IndexFactory.OpenAsync(options))
        {
            await index.UpsertAsync(IndexFactory.Space, [.. doomed, .. kept]);
            path = IndexFactory.Partition(index).LogPath;
            before = new FileInfo(path).Length;
            await index.DeleteDocumentAsync(doomed[0].DocumentId);
            Assert.True(new FileInfo(path).Length < before / 3, "the journal should have been rewritten with live records only");
            Assert.Equal(kept[3].ChunkId, (await index.SearchAsync(IndexFactory.Space, new VectorQuery(kept[3].Vector, 1, ["a"])))[0].ChunkId);
        }

        using var reopened = await IndexFactory.OpenAsync(options);
        Assert.Equal(100, await reopened.CountAsync(IndexFactory.Space));
        Assert.Equal(kept[50].ChunkId, (await reopened.SearchAsync(IndexFactory.Space, new VectorQuery(kept[50].Vector, 1, ["a"])))[0].ChunkId);
    }

    [Fact]
    public async Task Wrong_vector_length_is_rejected_without_writing_anything()
    {
        using var index = await IndexFactory.OpenAsync(IndexFactory.Options(directory.Path));
        var good = IndexFactory.Records(7, 1, 2);

        await Assert.ThrowsAsync<ArgumentException>(() => index.UpsertAsync(IndexFactory.Space, [good[0], good[1] with { Vector = new float[3] }]));

        Assert.Equal(0, await index.CountAsync(IndexFactory.Space));
    }

    [Fact]
    public async Task Upsert_into_a_missing_space_fails_clearly()
    {
        using var index = await IndexFactory.OpenAsync(IndexFactory.Options(directory.Path));

        await Assert.ThrowsAsync<InvalidOperationException>(() => index.UpsertAsync("missing", IndexFactory.Records(8, 1, 1)));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task Space_names_that_are_not_safe_folder_names_are_rejected(string name)
    {
        using var index = EmbeddedVectorIndex.Create(IndexFactory.Options(directory.Path));

        await Assert.ThrowsAsync<ArgumentException>(() => index.EnsureSpaceAsync(new VectorSpace(name, 4)));
    }

    private static async Task<string> WriteAsync(EmbeddedVectorIndexOptions options, List<VectorRecord> records)
    {
        using var index = await IndexFactory.OpenAsync(options);
        foreach (var record in records)
        {
            await index.UpsertAsync(IndexFactory.Space, [record]);
        }

        return IndexFactory.Partition(index).LogPath;
    }
}

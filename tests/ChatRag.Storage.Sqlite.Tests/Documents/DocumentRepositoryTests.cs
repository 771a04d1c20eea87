using ChatRag.Core.Documents;

namespace ChatRag.Storage.Sqlite.Tests.Documents;

public sealed class DocumentRepositoryTests
{
    [Fact]
    public async Task Add_then_get_round_trips_every_field_in_ordinal_order()
    {
        await using var storage = await TempStorage.CreateAsync();
        var doc = TestData.Document("papers", "paper.pdf", externalId: "ext-1");
        var chunks = new List<NewChunk>
        {
            new(2, "third", Page: 3, HeadingPath: "A > C", StartOffset: 20, EndOffset: 25),
            new(0, "first", Page: null, HeadingPath: null, StartOffset: 0, EndOffset: 5),
            new(1, "second", Page: 2, HeadingPath: "A > B", StartOffset: 10, EndOffset: 16),
        };

        var stored = await storage.Documents.AddDocumentAsync(doc, chunks);

        Assert.Equal(["first", "second", "third"], stored.Select(s => s.Text));
        Assert.True(stored[0].Id < stored[1].Id && stored[1].Id < stored[2].Id);
        Assert.All(stored, s => Assert.Equal((doc.Id, "papers"), (s.DocumentId, s.Collection)));
        var read = await storage.Documents.GetChunksAsync([stored[2].Id, 999_999, stored[0].Id]);
        Assert.Equal([stored[2].Id, stored[0].Id], read.Select(r => r.Id));
        Assert.Equal(new ChunkRecord(stored[2].Id, doc.Id, "paper.pdf", "papers", 2, "third", 3, "A > C", 20, 25), read[0]);
        Assert.Equal(new ChunkRecord(stored[0].Id, doc.Id, "paper.pdf", "papers", 0, "first", null, null, 0, 5), read[1]);
        var whole = await storage.Documents.GetDocumentChunksAsync(doc.Id);
        Assert.Equal(["first", "second", "third"], whole.Select(c => c.Text));
        Assert.Equal(read[0], whole[2]);
        Assert.Empty(await storage.Documents.GetDocumentChunksAsync(Guid.NewGuid()));
        Assert.True(await storage.Documents.CollectionExistsAsync("papers"));
        Assert.Equal(3, await storage.Documents.CountChunksAsync("papers"));
        Assert.Equal("ext-1", (await storage.Documents.GetExternalIdsAsync("papers"))[doc.Id]);
        var missing = Guid.NewGuid();
        Assert.Equal(new Dictionary<Guid, string> { [doc.Id] = "papers" }, await storage.Documents.GetDocumentCollectionsAsync([doc.Id, missing]));
    }

    [Fact]
    public async Task Collections_are_created_once_and_are_case_sensitive()
    {
        await using var storage = await TempStorage.CreateAsync();

        await storage.Documents.EnsureCollectionAsync("Team");
        await storage.Documents.EnsureCollectionAsync("Team");

        Assert.True(await storage.Documents.CollectionExistsAsync("Team"));
        Assert.False(await storage.Documents.CollectionExistsAsync("team"));
        Assert.Equal(0, await storage.Documents.CountChunksAsync("Team"));
        Assert.Equal(1, await storage.ScalarAsync("SELECT COUNT(*) FROM Collections"));
    }

    [Fact]
    public async Task Re_adding_the_same_document_id_replaces_its_chunks()
    {
        await using var storage = await TempStorage.CreateAsync();
        var doc = TestData.Document();
        var first = await storage.Documents.AddDocumentAsync(doc, TestData.Chunks("old alpha", "old beta"));

        var second = await storage.Documents.AddDocumentAsync(doc, TestData.Chunks("new gamma"));

        Assert.Empty(await storage.Documents.GetChunksAsync(first.Select(c => c.Id).ToList()));
        Assert.Single(await storage.Documents.GetChunksAsync(second.Select(c => c.Id).ToList()));
        Assert.Equal(1, await storage.Documents.CountChunksAsync("default"));
        Assert.Empty(await storage.Lexical.SearchAsync("alpha", 10, ["default"]));
        Assert.Single(await storage.Lexical.SearchAsync("gamma", 10, ["default"]));
        Assert.True(second[0].Id > first[^1].Id, "chunk ids are never reused");
    }

    [Fact]
    public async Task Same_content_under_another_id_is_rejected_as_duplicate()
    {
        await using var storage = await TempStorage.CreateAsync();
        var doc = TestData.Document();
        await storage.Documents.AddDocumentAsync(doc, TestData.Chunks("text"));

        var error = await Assert.ThrowsAsync<DuplicateContentException>(() =>
            storage.Documents.AddDocumentAsync(doc with { Id = Guid.NewGuid() }, TestData.Chunks("text")));

        Assert.Equal(doc.Id, error.ExistingDocumentId);
        Assert.Equal(1, await storage.ScalarAsync("SELECT COUNT(*) FROM Documents"));

        // The same content in another collection is a different document.
        await storage.Documents.AddDocumentAsync(doc with { Id = Guid.NewGuid(), Collection = "other" }, TestData.Chunks("text"));
    }

    [Fact]
    public async Task A_failing_add_leaves_nothing_behind()
    {
        await using var storage = await TempStorage.CreateAsync();
        var chunks = new List<NewChunk> { new(0, "valid words here"), new(1, null!) };

        await Assert.ThrowsAnyAsync<Exception>(() => storage.Documents.AddDocumentAsync(TestData.Document("fresh"), chunks));

        Assert.False(await storage.Documents.CollectionExistsAsync("fresh"));
        Assert.Equal(0, await storage.ScalarAsync("SELECT COUNT(*) FROM Documents"));
        Assert.Equal(0, await storage.ScalarAsync("SELECT COUNT(*) FROM Chunks"));
        Assert.Equal(0, await storage.ScalarAsync("SELECT COUNT(*) FROM chunks_fts WHERE chunks_fts MATCH 'valid'"));
    }

    [Fact]
    public async Task A_batch_is_stored_in_order_or_not_at_all()
    {
        await using var storage = await TempStorage.CreateAsync();
        var a = TestData.Document("batch");
        var b = TestData.Document("batch");

        var stored = await storage.Documents.AddDocumentsAsync([new(a, TestData.Chunks("a one", "a two")), new(b, TestData.Chunks("b one"))]);

        Assert.Equal([a.Id, a.Id, b.Id], stored.SelectMany(s => s).Select(s => s.DocumentId));
        Assert.Equal(3, await storage.Documents.CountChunksAsync("batch"));

        var c = TestData.Document("batch");
        await Assert.ThrowsAsync<DuplicateContentException>(() => storage.Documents.AddDocumentsAsync(
            [new(c, TestData.Chunks("c zebra")), new(b with { Id = Guid.NewGuid() }, TestData.Chunks("dup"))]));

        Assert.Equal(3, await storage.Documents.CountChunksAsync("batch"));
        Assert.Empty(await storage.Lexical.SearchAsync("zebra", 10, ["batch"]));
    }

    [Fact]
    public async Task Duplicate_ordinals_are_rejected_before_writing()
    {
        await using var storage = await TempStorage.CreateAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            storage.Documents.AddDocumentAsync(TestData.Document(), [new NewChunk(0, "a"), new NewChunk(0, "b")]));

        Assert.Equal(0, await storage.ScalarAsync("SELECT COUNT(*) FROM Documents"));
    }

    [Fact]
    public async Task Delete_removes_document_chunks_and_lexical_entries()
    {
        await using var storage = await TempStorage.CreateAsync();
        var doomed = TestData.Document();
        var kept = TestData.Document();
        var stored = await storage.Documents.AddDocumentAsync(doomed, TestData.Chunks("zebra stripes", "zebra herd"));
        await storage.Documents.AddDocumentAsync(kept, TestData.Chunks("lion pride"));

        Assert.True(await storage.Documents.DeleteDocumentAsync(doomed.Id));
        Assert.False(await storage.Documents.DeleteDocumentAsync(doomed.Id));

        Assert.Empty(await storage.Documents.GetChunksAsync(stored.Select(s => s.Id).ToList()));
        Assert.Empty(await storage.Lexical.SearchAsync("zebra", 10, ["default"]));
        Assert.Equal(0, await storage.ScalarAsync("SELECT COUNT(*) FROM chunks_fts WHERE chunks_fts MATCH 'zebra'"));
        Assert.Single(await storage.Lexical.SearchAsync("lion", 10, ["default"]));
        Assert.DoesNotContain(doomed.Id, (await storage.Documents.GetExternalIdsAsync("default")).Keys);

        // FTS5's own check that the index matches the content table.
        Assert.Equal(0, await storage.ScalarAsync("INSERT INTO chunks_fts(chunks_fts) VALUES('integrity-check'); SELECT 0"));
    }

    [Fact]
    public async Task Concurrent_writers_wait_for_each_other_instead_of_failing()
    {
        await using var storage = await TempStorage.CreateAsync();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks($"writer {i} one", $"writer {i} two")))));

        Assert.Equal(32, await storage.Documents.CountChunksAsync("default"));
    }
}

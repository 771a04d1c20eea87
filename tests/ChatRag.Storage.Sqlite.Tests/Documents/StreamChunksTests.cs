using ChatRag.Core.Documents;

namespace ChatRag.Storage.Sqlite.Tests.Documents;

public sealed class StreamChunksTests
{
    [Fact]
    public async Task Streams_every_chunk_of_one_collection_in_id_order()
    {
        await using var storage = await TempStorage.CreateAsync();
        var a = await storage.Documents.AddDocumentAsync(TestData.Document("a"), TestData.Chunks("one", "two"));
        await storage.Documents.AddDocumentAsync(TestData.Document("b"), TestData.Chunks("other"));
        var a2 = await storage.Documents.AddDocumentAsync(TestData.Document("a"), TestData.Chunks("three"));

        var streamed = new List<StoredChunk>();
        await foreach (var chunk in storage.Documents.StreamChunksAsync("a"))
        {
            streamed.Add(chunk);
        }

        Assert.Equal(a.Concat(a2).ToList(), streamed);
        Assert.Empty(await ToListAsync(storage.Documents.StreamChunksAsync("missing")));
    }

    private static async Task<List<StoredChunk>> ToListAsync(IAsyncEnumerable<StoredChunk> chunks)
    {
        var list = new List<StoredChunk>();
        await foreach (var chunk in chunks)
        {
            list.Add(chunk);
        }

        return list;
    }
}

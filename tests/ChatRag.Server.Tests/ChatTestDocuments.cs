using ChatRag.Core.Documents;
using ChatRag.Core.Indexing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>Stores and indexes documents in any server factory (also ones derived with <c>WithWebHostBuilder</c>).</summary>
internal static class ChatTestDocuments
{
    public static async Task<Guid> AddDocumentAsync(this WebApplicationFactory<ServerMarker> factory, string collection, string name, params string[] chunks)
    {
        var documents = factory.Services.GetRequiredService<IDocumentRepository>();
        var indexer = factory.Services.GetRequiredService<ChunkIndexer>();
        var id = Guid.NewGuid();
        await documents.EnsureCollectionAsync(collection);
        var stored = await documents.AddDocumentAsync(
            new NewDocument(id, name, collection, id.ToString("N")),
            chunks.Select((text, i) => new NewChunk(i, text, Page: i + 1, EndOffset: text.Length)).ToList());
        await indexer.IndexAsync(stored);
        return id;
    }
}

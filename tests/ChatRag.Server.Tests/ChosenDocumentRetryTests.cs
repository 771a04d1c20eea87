using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.Core.Documents;
using ChatRag.Storage.Sqlite.Documents;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>
/// A second stored chosen document is deleted between the turn's lookup of what was deleted and its search over the
/// rest: it drops out too, so a follow-up that names no documents still never answers 404.
/// </summary>
public sealed class ChosenDocumentRetryTests : IAsyncLifetime
{
    private readonly ChatRagServerFactory inner = new();
    private readonly VanishingDocuments lookups = new();
    private WebApplicationFactory<ServerMarker> factory = null!;

    public Task InitializeAsync()
    {
        factory = inner.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<IDocumentRepository>(sp => lookups.Over(sp.GetRequiredService<SqliteDocumentRepository>()))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await inner.DisposeAsync();
    }

    [Fact]
    public async Task A_chosen_document_deleted_during_the_retry_drops_out_too()
    {
        var client = factory.CreateClient();
        var deleted = await factory.AddDocumentAsync("default", "diary.txt", "Diary: the Jupiter storm looked larger than Earth tonight.");
        var racing = await factory.AddDocumentAsync("default", "log.txt", "Log: the Jupiter storm is larger than Earth, measured again.");
        var kept = await factory.AddDocumentAsync("default", "notes.txt", "Field notes: the Great Red Spot on Jupiter is a storm larger than Earth.");
        var first = await client.AskAsync(new { message = "Tell me about the Jupiter storm", documentIds = new[] { deleted, racing, kept } });
        var id = first.GetProperty("conversationId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/documents/{deleted}")).StatusCode);

        // The searcher's check and the turn's lookup of what was deleted still see the racing document; it is gone from
        // the next lookup on (the retry's check), as when it is deleted in between.
        lookups.Vanish(racing, afterLookups: 2);
        using var response = await client.PostAsJsonAsync("/api/v1/chat", new { message = "How large is the Jupiter storm?", conversationId = id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var followUp = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([kept], Ids(followUp.GetProperty("documentIds")));
        Assert.Equal([deleted, racing], Ids(followUp.GetProperty("trace").GetProperty("droppedDocumentIds")));
        Assert.All(followUp.GetProperty("trace").GetProperty("hits").EnumerateArray(), h => Assert.Equal(kept, h.GetProperty("documentId").GetGuid()));
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}");
        Assert.Equal([kept], Ids(stored.GetProperty("documentIds")));
    }

    private static List<Guid> Ids(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetGuid())];

    /// <summary>The real store, except that one document's existence lookups stop finding it after a number of them.</summary>
    private sealed class VanishingDocuments : IDocumentRepository
    {
        private IDocumentRepository store = null!;
        private Guid vanishing;
        private int seenBefore = int.MaxValue;

        public IDocumentRepository Over(IDocumentRepository real)
        {
            store = real;
            return this;
        }

        public void Vanish(Guid id, int afterLookups)
        {
            vanishing = id;
            seenBefore = afterLookups;
        }

        public async Task<IReadOnlyDictionary<Guid, string>> GetDocumentCollectionsAsync(IReadOnlyCollection<Guid> documentIds, CancellationToken cancellationToken = default)
        {
            var found = await store.GetDocumentCollectionsAsync(documentIds, cancellationToken);
            if (!documentIds.Contains(vanishing) || Interlocked.Decrement(ref seenBefore) >= 0)
            {
                return found;
            }

            return found.Where(f => f.Key != vanishing).ToDictionary();
        }

        public Task<IReadOnlyList<StoredChunk>> AddDocumentAsync(NewDocument document, IReadOnlyList<NewChunk> chunks, CancellationToken cancellationToken = default) =>
            store.AddDocumentAsync(document, chunks, cancellationToken);

        public Task<IReadOnlyList<IReadOnlyList<StoredChunk>>> AddDocumentsAsync(IReadOnlyList<NewDocumentWithChunks> documents, CancellationToken cancellationToken = default) =>
            store.AddDocumentsAsync(documents, cancellationToken);

        public IAsyncEnumerable<StoredChunk> StreamChunksAsync(string collection, CancellationToken cancellationToken = default) => store.StreamChunksAsync(collection, cancellationToken);

        public Task<IReadOnlyList<ChunkRecord>> GetChunksAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default) => store.GetChunksAsync(ids, cancellationToken);

        public Task<IReadOnlyList<ChunkRecord>> GetDocumentChunksAsync(Guid documentId, CancellationToken cancellationToken = default) =>
            store.GetDocumentChunksAsync(documentId, cancellationToken);

        public Task<bool> CollectionExistsAsync(string collection, CancellationToken cancellationToken = default) => store.CollectionExistsAsync(collection, cancellationToken);

        public Task EnsureCollectionAsync(string collection, CancellationToken cancellationToken = default) => store.EnsureCollectionAsync(collection, cancellationToken);

        public Task<bool> DeleteDocumentAsync(Guid documentId, CancellationToken cancellationToken = default) => store.DeleteDocumentAsync(documentId, cancellationToken);

        public Task<int> CountChunksAsync(string collection, CancellationToken cancellationToken = default) => store.CountChunksAsync(collection, cancellationToken);

        public Task<IReadOnlyDictionary<Guid, string>> GetExternalIdsAsync(string collection, CancellationToken cancellationToken = default) =>
            store.GetExternalIdsAsync(collection, cancellationToken);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.Contracts.Chat;
using ChatRag.Contracts.Collections;
using ChatRag.Contracts.Health;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>Collections as objects: they exist empty, are renamed by display name and deleted only when confirmed, with everything in them.</summary>
public sealed class CollectionsEndpointTests : IAsyncLifetime
{
    private readonly ChatRagServerFactory factory = new();
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        client = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task An_empty_collection_exists_and_asking_in_it_says_it_has_no_documents_yet()
    {
        var created = await client.PostAsJsonAsync("/api/v1/collections", new CreateCollection("garden", null, "Allotment notes"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/collections/garden", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/v1/collections", new CreateCollection("garden"))).StatusCode);

        var listed = (await client.GetFromJsonAsync<List<CollectionItem>>("/api/v1/collections"))!;
        Assert.Equal(["default", "garden"], listed.Select(c => c.Name));
        Assert.Equal(new CollectionItem("garden", "garden", "Allotment notes", 0, listed[1].CreatedAt), listed[1]);
        Assert.Contains("garden", (await client.GetFromJsonAsync<ServerStatus>("/api/v1/status"))!.Collections);

        var asked = await client.PostAsJsonAsync("/api/v1/chat", new { message = "When do I sow beans?", collection = "garden" });
        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        var problem = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("No documents yet", problem.GetProperty("title").GetString());
        Assert.Contains("has no documents yet", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_collections_writes_nothing_once_the_default_collection_exists()
    {
        // A trigger that aborts any insert into Collections makes a write from the read route visible as a 500.
        var database = factory.Services.GetRequiredService<ChatRag.Storage.Sqlite.SqliteConnectionSettings>();
        await using (var connection = await database.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER no_collection_writes BEFORE INSERT ON Collections BEGIN SELECT RAISE(ABORT, 'read route wrote'); END";
            await command.ExecuteNonQueryAsync();
        }

        var response = await client.GetAsync("/api/v1/collections");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["default"], (await response.Content.ReadFromJsonAsync<List<CollectionItem>>())!.Select(c => c.Name));
    }

    [Fact]
    public async Task Rename_changes_the_display_name_only_and_keeps_documents_and_conversations_reachable()
    {
        await client.PostAsJsonAsync("/api/v1/collections", new CreateCollection("garden", null, "Allotment notes"));
        var id = (await DocumentsApi.UploadOkAsync(client, "garden", ("beans.md", DocumentsApi.Text("Broad beans are sown in November or in March."))))[0].Id;
        Assert.Equal("ready", (await DocumentsApi.WaitAsync(client, id)).Status);
        var first = await client.AskAsync(new { message = "When are broad beans sown?", collection = "garden" });

        var response = await client.PatchAsJsonAsync("/api/v1/collections/garden", new UpdateCollection("Allotment"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var renamed = await response.Content.ReadFromJsonAsync<CollectionItem>();
        Assert.Equal(("garden", "Allotment", "Allotment notes", 1), (renamed!.Name, renamed.DisplayName, renamed.Description, renamed.Documents));

        var again = await client.AskAsync(new { message = "When are broad beans sown?", collection = "garden", conversationId = first.GetProperty("conversationId").GetGuid() });
        Assert.Contains(again.GetProperty("citations").EnumerateArray(), c => c.GetProperty("documentId").GetGuid() == id);
        var conversations = await client.GetFromJsonAsync<ConversationList>("/api/v1/conversations");
        Assert.Equal("garden", Assert.Single(conversations!.Conversations).Collection);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync("/api/v1/collections/nowhere", new UpdateCollection("x"))).StatusCode);
    }

    [Fact]
    public async Task Delete_needs_the_name_repeated_and_then_removes_documents_vectors_and_conversations()
    {
        await client.PostAsJsonAsync("/api/v1/collections", new CreateCollection("garden"));
        var id = (await DocumentsApi.UploadOkAsync(client, "garden", ("beans.md", DocumentsApi.Text("Broad beans are sown in November or in March."))))[0].Id;
        Assert.Equal("ready", (await DocumentsApi.WaitAsync(client, id)).Status);
        var chat = await client.AskAsync(new { message = "When are broad beans sown?", collection = "garden" });
        var conversationId = chat.GetProperty("conversationId").GetGuid();
        var vectors = factory.Services.GetRequiredService<IVectorIndex>();
        var space = factory.Services.GetRequiredService<IEncoderCatalog>().Encoders[0].Space;
        Assert.True(await vectors.CountAsync(space) > 0);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.DeleteAsync("/api/v1/collections/garden")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.DeleteAsync("/api/v1/collections/garden?confirm=Garden")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/documents/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/collections/garden?confirm=garden")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/collections/garden")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/conversations/{conversationId}")).StatusCode);
        Assert.Equal(0, await vectors.CountAsync(space));
        Assert.DoesNotContain("garden", (await client.GetFromJsonAsync<ServerStatus>("/api/v1/status"))!.Collections);
    }

    [Fact]
    public async Task Deleting_the_last_document_keeps_the_collection()
    {
        var id = (await DocumentsApi.UploadOkAsync(client, "notes", ("todo.md", DocumentsApi.Text("Water the tomatoes."))))[0].Id;
        Assert.Equal("ready", (await DocumentsApi.WaitAsync(client, id)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/documents/{id}")).StatusCode);

        var notes = await client.GetFromJsonAsync<CollectionItem>("/api/v1/collections/notes");
        Assert.Equal(0, notes!.Documents);
        Assert.Contains("notes", (await client.GetFromJsonAsync<ServerStatus>("/api/v1/status"))!.Collections);
    }
}

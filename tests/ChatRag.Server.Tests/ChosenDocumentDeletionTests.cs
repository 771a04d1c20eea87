using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChatRag.Server.Tests;

/// <summary>
/// A document chosen for a conversation is deleted: it drops out of the conversation's choice, the follow-up answers over
/// the documents still chosen (or the whole collection once none is left) and its trace says why. A request that names
/// an unknown or deleted document itself is refused (404), so only the choice a follow-up carries over is forgiven.
/// </summary>
public sealed class ChosenDocumentDeletionTests : ApiKeysServerTest
{
    [Fact]
    public async Task A_deleted_chosen_document_drops_out_and_the_follow_up_answers_over_the_other()
    {
        var (admin, kept, deleted, crowd) = await SeedAsync();
        var first = await admin.AskAsync(new { message = "Tell me about the Jupiter storm", documentIds = new[] { kept, deleted } });
        var id = first.GetProperty("conversationId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/documents/{deleted}")).StatusCode);

        // The follow-up names no documents: the stored choice applies, less the deleted one.
        var followUp = await admin.AskAsync(new { message = "How large is the Jupiter storm?", conversationId = id });
        Assert.NotEmpty(Hits(followUp));
        Assert.All(Hits(followUp), h => Assert.Equal(kept, h));
        Assert.Equal([kept], Ids(followUp.GetProperty("documentIds")));
        Assert.Equal([deleted], Ids(followUp.GetProperty("trace").GetProperty("droppedDocumentIds")));
        Assert.Contains("deleted", followUp.GetProperty("trace").GetProperty("note").GetString(), StringComparison.Ordinal);
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}");
        Assert.Equal([kept], Ids(stored.GetProperty("documentIds")));

        // The streamed route answers the same way once the last chosen document is gone: the whole collection, said so.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/documents/{kept}")).StatusCode);
        var events = await admin.StreamAsync(new { message = "How large is the Jupiter storm?", conversationId = id, stream = true });
        var done = events.Single(e => e.Name == "done").Data;
        Assert.Contains(crowd, Hits(done));
        Assert.Empty(done.GetProperty("documentIds").EnumerateArray());
        Assert.Equal([kept], Ids(done.GetProperty("trace").GetProperty("droppedDocumentIds")));
        Assert.Contains("whole collection", done.GetProperty("trace").GetProperty("note").GetString(), StringComparison.Ordinal);
        stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}");
        Assert.Empty(stored.GetProperty("documentIds").EnumerateArray());

        // A new conversation that names the deleted document is still a clear 404.
        var fresh = await admin.PostAsJsonAsync("/api/v1/chat", new { message = "Jupiter?", documentIds = new[] { deleted } });
        Assert.Equal(HttpStatusCode.NotFound, fresh.StatusCode);
    }

    [Fact]
    public async Task A_request_that_names_a_deleted_document_itself_is_a_404_and_never_widens_to_the_collection()
    {
        var (admin, kept, deleted, _) = await SeedAsync();
        var first = await admin.AskAsync(new { message = "Tell me about the Jupiter storm", documentIds = new[] { kept, deleted } });
        var id = first.GetProperty("conversationId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/documents/{deleted}")).StatusCode);

        // Ids a request names must exist, as in a new conversation; only the stored choice (documentIds omitted) is forgiven.
        await AssertUnknownDocumentAsync(admin, new { message = "How large is the Jupiter storm?", conversationId = id, documentIds = new[] { kept, deleted } }, deleted);

        // Named alone it would have left nothing chosen: an answer from the whole collection is not what was asked for.
        await AssertUnknownDocumentAsync(admin, new { message = "How large is the Jupiter storm?", conversationId = id, documentIds = new[] { deleted } }, deleted);
        await AssertUnknownDocumentAsync(admin, new { message = "How large is the Jupiter storm?", conversationId = id, documentIds = new[] { deleted }, stream = true }, deleted);

        // The refused turns changed nothing: the stored choice still applies, less the deleted document.
        var followUp = await admin.AskAsync(new { message = "How large is the Jupiter storm?", conversationId = id });
        Assert.Equal([kept], Ids(followUp.GetProperty("documentIds")));
        Assert.Equal([deleted], Ids(followUp.GetProperty("trace").GetProperty("droppedDocumentIds")));
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}");
        Assert.Equal(4, stored.GetProperty("messages").GetArrayLength());
    }

    private static async Task AssertUnknownDocumentAsync(HttpClient client, object body, Guid unknown)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/chat", body);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(unknown.ToString(), problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(HttpClient Admin, Guid Kept, Guid Deleted, Guid Crowd)> SeedAsync()
    {
        var admin = Client((await Keys.CreateAsync("admin")).Key);
        var crowd = await Factory.AddDocumentAsync("default", "storms.txt", [.. Enumerable.Range(0, 40)
            .Select(i => $"The Jupiter storm, report {i}: Jupiter's storm is larger than Earth.")]);
        var kept = await Factory.AddDocumentAsync("default", "notes.txt",
            "Field notes: the Great Red Spot on Jupiter is a storm, observed since 1830 and larger than Earth.",
            "Saturn has rings of ice.");
        var deleted = await Factory.AddDocumentAsync("default", "diary.txt",
            "Diary: tonight the Jupiter storm looked larger than Earth through the telescope.",
            "Mars was red.");
        return (admin, kept, deleted, crowd);
    }

    private static List<Guid> Hits(JsonElement answer) =>
        [.. answer.GetProperty("trace").GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("documentId").GetGuid())];

    private static List<Guid> Ids(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetGuid())];
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.Contracts.Search;
using ChatRag.Core.Retrieval;

namespace ChatRag.Server.Tests;

/// <summary>
/// <c>documentIds</c> on search and chat: the choice reaches every index query and is stored with the conversation.
/// The corpus has more chunks outside the chosen document that outrank it than any candidate list holds, so a filter
/// applied after retrieval would return nothing and these tests would fail.
/// </summary>
public sealed class ChosenDocumentsTests : ApiKeysServerTest
{
    [Fact]
    public async Task Search_stays_inside_the_chosen_documents_in_every_mode()
    {
        var (admin, chosen, _) = await SeedAsync();

        foreach (var mode in new[] { "hybrid", "lexical", "dense" })
        {
            var response = await admin.PostAsJsonAsync("/api/v1/search", new { query = "Jupiter storm larger than Earth", top = 5, mode, documentIds = new[] { chosen } });
            var body = await response.Content.ReadFromJsonAsync<SearchResults>();

            Assert.True(response.IsSuccessStatusCode, mode);
            Assert.NotEmpty(body!.Results);
            Assert.All(body.Results, r => Assert.Equal(chosen, r.DocumentId));
        }
    }

    [Fact]
    public async Task The_choice_is_stored_with_the_conversation_and_follow_ups_use_it()
    {
        var (admin, chosen, crowd) = await SeedAsync();

        var first = await admin.AskAsync(new { message = "Tell me about the Jupiter storm", documentIds = new[] { chosen } });
        var id = first.GetProperty("conversationId").GetGuid();
        Assert.All(Hits(first), h => Assert.Equal(chosen, h));
        Assert.NotEmpty(Hits(first));
        Assert.Equal([chosen], first.GetProperty("documentIds").EnumerateArray().Select(e => e.GetGuid()));

        // The follow-up names no documents: the stored choice applies.
        var followUp = await admin.AskAsync(new { message = "How large is the Jupiter storm?", conversationId = id });
        Assert.NotEmpty(Hits(followUp));
        Assert.All(Hits(followUp), h => Assert.Equal(chosen, h));
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}");
        Assert.Equal([chosen], stored.GetProperty("documentIds").EnumerateArray().Select(e => e.GetGuid()));

        // An empty list returns the conversation to the whole collection, and that is stored too.
        var whole = await admin.AskAsync(new { message = "How large is the Jupiter storm?", conversationId = id, documentIds = Array.Empty<Guid>() });
        Assert.Contains(crowd, Hits(whole));
        stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}");
        Assert.Empty(stored.GetProperty("documentIds").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_and_out_of_scope_documents_are_404_on_every_route()
    {
        var (_, chosen, _) = await SeedAsync();
        var recipes = (await Keys.CreateAsync("recipes-bot", "recipes")).Key;
        await Factory.AddDocumentAsync("recipes", "soup.txt", "Tomato soup with basil.");
        var scoped = Client(recipes);

        foreach (var id in new[] { chosen, Guid.NewGuid() })
        {
            var search = await scoped.PostAsJsonAsync("/api/v1/search", new { query = "soup", documentIds = new[] { id } });
            await AssertProblemAsync(search, HttpStatusCode.NotFound, "Unknown document");
            var chat = await scoped.PostAsJsonAsync("/api/v1/chat", new { message = "soup?", documentIds = new[] { id } });
            await AssertProblemAsync(chat, HttpStatusCode.NotFound, "Unknown document");
            var streamed = await scoped.PostAsJsonAsync("/api/v1/chat", new { message = "soup?", stream = true, documentIds = new[] { id } });
            await AssertProblemAsync(streamed, HttpStatusCode.NotFound, "Unknown document");

            var bearer = Factory.CreateClient();
            bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", recipes);
            var completion = await bearer.PostAsJsonAsync(
                "/v1/chat/completions", new { model = "chatrag/recipes", messages = new[] { new { role = "user", content = "soup?" } }, documentIds = new[] { id } });
            Assert.Equal(HttpStatusCode.NotFound, completion.StatusCode);
            using var error = JsonDocument.Parse(await completion.Content.ReadAsStringAsync());
            Assert.Contains(id.ToString(), error.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var tooMany = await scoped.PostAsJsonAsync("/api/v1/search", new { query = "soup", documentIds = Enumerable.Range(0, HybridSearcher.MaxChosenDocuments + 1).Select(_ => Guid.NewGuid()) });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task The_openai_extension_field_scopes_the_answer()
    {
        var (_, chosen, _) = await SeedAsync();
        var bearer = Factory.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Keys.CreateAsync("sdk")).Key);

        var response = await bearer.PostAsJsonAsync(
            "/v1/chat/completions",
            new { model = "chatrag/default", messages = new[] { new { role = "user", content = "Tell me about the Jupiter storm" } }, documentIds = new[] { chosen } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var citations = json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        Assert.All(citations, c => Assert.Equal(chosen, c.GetProperty("documentId").GetGuid()));
    }

    private async Task<(HttpClient Admin, Guid Chosen, Guid Crowd)> SeedAsync()
    {
        var admin = Client((await Keys.CreateAsync("admin")).Key);
        var crowd = await Factory.AddDocumentAsync("default", "storms.txt", [.. Enumerable.Range(0, new RetrievalOptions().CandidatesPerSignal + 10)
            .Select(i => $"The Jupiter storm, report {i}: Jupiter's storm is larger than Earth.")]);
        var chosen = await Factory.AddDocumentAsync("default", "notes.txt",
            "Field notes: the Great Red Spot on Jupiter is a storm, observed since 1830 and larger than Earth.",
            "Saturn has rings of ice.");
        return (admin, chosen, crowd);
    }

    private static List<Guid> Hits(JsonElement answer) =>
        [.. answer.GetProperty("trace").GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("documentId").GetGuid())];

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
    }
}

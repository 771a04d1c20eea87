using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.Core.Retrieval;
using ChatRag.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>Chat and conversations under a key scoped to one collection.</summary>
public sealed class ChatScopeTests : IAsyncLifetime
{
    private readonly ChatRagServerFixture fixture = new(new Dictionary<string, string?> { ["ChatRag:Auth:Mode"] = "ApiKeys" });

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Scoped_key_answers_only_from_its_collection_and_sees_only_its_conversations()
    {
        var keys = fixture.Factory.Services.GetRequiredService<IApiKeyStore>();
        var recipesKey = await keys.CreateAsync("recipes-bot", "recipes");
        var adminKey = await keys.CreateAsync("admin");
        var scoped = Client(recipesKey.Key);
        var admin = Client(adminKey.Key);

        // More out-of-scope chunks that outrank the one in-scope chunk than any candidate list holds: filtering after
        // retrieval would leave no hit at all, so a soup.txt hit proves the search itself was scoped.
        await fixture.Factory.AddDocumentAsync("default", "storms.txt", [.. Enumerable.Range(0, new RetrievalOptions().CandidatesPerSignal + 10)
            .Select(i => $"The Jupiter storm, report {i}: Jupiter's storm is larger than Earth.")]);

        var body = await scoped.AskAsync(new { message = "Tell me about the Jupiter storm" });
        var hits = body.GetProperty("trace").GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal("soup.txt", h.GetProperty("documentName").GetString()));
        Assert.DoesNotContain("Jupiter", body.GetProperty("answer").GetString(), StringComparison.Ordinal);

        var forbidden = await scoped.PostAsJsonAsync("/api/v1/chat", new { message = "Jupiter storm", collection = "default" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);

        var adminAnswer = await admin.AskAsync(new { message = "Jupiter storm" });
        var adminConversation = adminAnswer.GetProperty("conversationId").GetGuid();
        var list = await scoped.GetFromJsonAsync<JsonElement>("/api/v1/conversations");
        Assert.Equal([body.GetProperty("conversationId").GetGuid()], list.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await scoped.GetAsync($"/api/v1/conversations/{adminConversation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scoped.DeleteAsync($"/api/v1/conversations/{adminConversation}")).StatusCode);
        var continueForeign = await scoped.PostAsJsonAsync("/api/v1/chat", new { message = "more", conversationId = adminConversation });
        Assert.Equal(HttpStatusCode.NotFound, continueForeign.StatusCode);
    }

    private HttpClient Client(string key)
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}

using System.Net;
using System.Text.Json;
using ChatRag.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace ChatRag.Server.Tests.Mcp;

/// <summary>
/// <c>/mcp</c> through the official MCP C# client against the real server (API keys on, extractive answers, two
/// collections): the four tools, each called, the key's collection scope inside every tool, and bad arguments as tool
/// errors the client can read and recover from.
/// </summary>
public sealed partial class McpHttpTests : IAsyncLifetime
{
    private readonly ChatRagServerFixture fixture = new(new Dictionary<string, string?> { ["ChatRag:Auth:Mode"] = "ApiKeys" });
    private string adminKey = null!;
    private string recipesKey = null!;

    public async Task InitializeAsync()
    {
        await fixture.InitializeAsync();
        var keys = fixture.Factory.Services.GetRequiredService<IApiKeyStore>();
        adminKey = (await keys.CreateAsync("admin")).Key;
        recipesKey = (await keys.CreateAsync("recipes-bot", "recipes")).Key;
    }

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Lists_the_four_tools_with_descriptions_and_input_schemas()
    {
        await using var client = await ConnectAsync(adminKey);

        var tools = await client.ListToolsAsync();

        Assert.Equal(McpCalls.ToolNames, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tools, t => Assert.True(t.Description.Length > 80, $"{t.Name} needs a description an agent can act on."));
        var search = tools.Single(t => t.Name == "search_documents").JsonSchema;
        Assert.Equal(["query"], search.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(string.IsNullOrEmpty(search.GetProperty("properties").GetProperty("collection").GetProperty("description").GetString()));
        var read = tools.Single(t => t.Name == "read_document").JsonSchema;
        Assert.Equal(["documentId"], read.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.True(tools.Single(t => t.Name == "search_documents").ProtocolTool.Annotations?.ReadOnlyHint);
    }

    [Fact]
    public async Task Search_then_read_then_ask_answer_from_the_documents()
    {
        await using var client = await ConnectAsync(adminKey);

        var search = (await client.CallAsync("search_documents", new { query = "Great Red Spot storm", top = 3 })).Json();
        Assert.Equal("default", search.GetProperty("collection").GetString());
        var best = search.GetProperty("results")[0];
        Assert.Equal("planets.txt", best.GetProperty("documentName").GetString());
        Assert.Contains("Great Red Spot", best.GetProperty("text").GetString(), StringComparison.Ordinal);

        var read = (await client.CallAsync("read_document", new { documentId = best.GetProperty("documentId").GetString() })).Json();
        Assert.Equal("planets.txt", read.GetProperty("name").GetString());
        Assert.Equal(2, read.GetProperty("totalPassages").GetInt32());
        Assert.Contains("rings", read.GetProperty("passages")[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(read.GetProperty("truncated").GetBoolean());

        var page = (await client.CallAsync("read_document", new { documentId = best.GetProperty("documentId").GetString(), pageOrSection = "2" })).Json();
        Assert.Equal(["Saturn's rings are made mostly of ice particles."], page.GetProperty("passages").EnumerateArray().Select(p => p.GetProperty("text").GetString()));

        var ask = (await client.CallAsync("ask", new { question = "What is the Great Red Spot?" })).Json();
        Assert.Contains("Great Red Spot", ask.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"\[1\]", ask.GetProperty("answer").GetString());
        Assert.True(ask.GetProperty("found").GetBoolean());
        Assert.Equal("extractive", ask.GetProperty("mode").GetString());
        // Why it is extractive, as the chat trace says: an agent cannot tell "no model configured" from "the model
        // failed to load" otherwise.
        Assert.Contains("No language model is configured", ask.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal("planets.txt", ask.GetProperty("citations")[0].GetProperty("documentName").GetString());

        // The answer was stored as a conversation, as /api/v1/chat does, and a follow-up continues it.
        var followUp = (await client.CallAsync("ask", new { question = "What is it made of?", conversationId = ask.GetProperty("conversationId").GetString() })).Json();
        Assert.Equal(ask.GetProperty("conversationId").GetString(), followUp.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task List_documents_shows_what_the_key_may_see_in_pages()
    {
        await using var admin = await ConnectAsync(adminKey);
        await using var scoped = await ConnectAsync(recipesKey);

        var all = (await admin.CallAsync("list_documents")).Json();
        Assert.Equal(["baking.txt", "planets.txt", "soup.txt"], Names(all));

        var first = (await admin.CallAsync("list_documents", new { limit = 2 })).Json();
        Assert.Equal(2, first.GetProperty("documents").GetArrayLength());
        var second = (await admin.CallAsync("list_documents", new { limit = 2, cursor = first.GetProperty("nextCursor").GetString() })).Json();
        Assert.Equal(["baking.txt", "planets.txt", "soup.txt"], Names(first).Concat(Names(second)).Order(StringComparer.Ordinal));
        Assert.False(second.TryGetProperty("nextCursor", out var none) && none.ValueKind != JsonValueKind.Null, "The last page has no next cursor.");

        Assert.Equal(["soup.txt"], Names((await scoped.CallAsync("list_documents")).Json()));
    }

    [Fact]
    public async Task Scoped_key_cannot_search_read_list_or_ask_another_collection()
    {
        await using var admin = await ConnectAsync(adminKey);
        await using var scoped = await ConnectAsync(recipesKey);
        var planets = (await admin.CallAsync("search_documents", new { query = "Jupiter" })).Json().GetProperty("results")[0].GetProperty("documentId").GetString();

        Assert.Contains("may not use collection 'default'", (await scoped.CallAsync("search_documents", new { query = "Jupiter", collection = "default" })).AssertToolError(), StringComparison.Ordinal);
        Assert.Contains("may not use collection 'default'", (await scoped.CallAsync("list_documents", new { collection = "default" })).AssertToolError(), StringComparison.Ordinal);
        Assert.Contains("may not use collection 'default'", (await scoped.CallAsync("ask", new { question = "What is the Great Red Spot?", collection = "default" })).AssertToolError(), StringComparison.Ordinal);
        Assert.Contains("No document", (await scoped.CallAsync("read_document", new { documentId = planets })).AssertToolError(), StringComparison.Ordinal);

        // Its own collection is its default: the same words find only its documents.
        var own = (await scoped.CallAsync("search_documents", new { query = "storm" })).Json();
        Assert.Equal("recipes", own.GetProperty("collection").GetString());
        Assert.All(own.GetProperty("results").EnumerateArray(), r => Assert.Equal("soup.txt", r.GetProperty("documentName").GetString()));
        Assert.NotEqual(0, own.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Bad_arguments_are_tool_errors_and_the_session_goes_on()
    {
        await using var client = await ConnectAsync(adminKey);

        Assert.Contains("GUID", (await client.CallAsync("read_document", new { documentId = "not-an-id" })).AssertToolError(), StringComparison.Ordinal);
        Assert.Contains("'top'", (await client.CallAsync("search_documents", new { query = "Jupiter", top = 0 })).AssertToolError(), StringComparison.Ordinal);
        Assert.Contains("mode", (await client.CallAsync("search_documents", new { query = "Jupiter", mode = "psychic" })).AssertToolError(), StringComparison.Ordinal);
        Assert.Contains("empty", (await client.CallAsync("search_documents", new { query = "  " })).AssertToolError(), StringComparison.Ordinal);
        Assert.Contains("empty", (await client.CallAsync("ask", new { question = "" })).AssertToolError(), StringComparison.Ordinal);
        Assert.Contains("cursor", (await client.CallAsync("list_documents", new { cursor = "garbage" })).AssertToolError(), StringComparison.Ordinal);
        Assert.Contains("'nosuch' does not exist", (await client.CallAsync("search_documents", new { query = "Jupiter", collection = "nosuch" })).AssertToolError(), StringComparison.Ordinal);
        (await client.CallAsync("search_documents", new { top = 3 })).AssertToolError();
        (await client.CallAsync("search_documents", new { query = "Jupiter", top = "many" })).AssertToolError();

        Assert.NotEqual(0, (await client.CallAsync("search_documents", new { query = "Jupiter" })).Json().GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Chosen_documents_bound_search_and_ask_and_an_id_outside_the_collection_is_a_tool_error()
    {
        await using var client = await ConnectAsync(adminKey);
        var ids = (await client.CallAsync("list_documents")).Json().GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("id").GetString()!);

        // Unbounded, the storm is in planets.txt; bounded to baking.txt, the nearest passage must come from there.
        var open = (await client.CallAsync("search_documents", new { query = "Great Red Spot storm", mode = "dense", top = 1 })).Json();
        Assert.Equal("planets.txt", open.GetProperty("results")[0].GetProperty("documentName").GetString());
        var bounded = (await client.CallAsync("search_documents", new { query = "Great Red Spot storm", mode = "dense", documentIds = new[] { ids["baking.txt"] } })).Json();
        Assert.NotEqual(0, bounded.GetProperty("results").GetArrayLength());
        Assert.All(bounded.GetProperty("results").EnumerateArray(), r => Assert.Equal("baking.txt", r.GetProperty("documentName").GetString()));

        var ask = (await client.CallAsync("ask", new { question = "What is the Great Red Spot?", documentIds = new[] { ids["baking.txt"] } })).Json();
        Assert.All(ask.GetProperty("citations").EnumerateArray(), c => Assert.Equal("baking.txt", c.GetProperty("documentName").GetString()));

        Assert.Contains("does not exist", (await client.CallAsync("search_documents", new { query = "storm", documentIds = new[] { ids["soup.txt"] } })).AssertToolError(), StringComparison.Ordinal);
        Assert.Contains("not a documentId", (await client.CallAsync("ask", new { question = "storm?", documentIds = new[] { "soup" } })).AssertToolError(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chosen_document_deleted_between_asks_drops_out_of_the_follow_up()
    {
        await using var client = await ConnectAsync(adminKey);
        var ids = (await client.CallAsync("list_documents")).Json().GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("id").GetString()!);
        var ask = (await client.CallAsync("ask", new { question = "What is the Great Red Spot?", documentIds = new[] { ids["planets.txt"], ids["baking.txt"] } })).Json();
        using var http = fixture.Factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/v1/documents/{ids["baking.txt"]}")).StatusCode);

        // Named by the call itself, the deleted document is unknown, though the conversation held it: no answer from
        // the whole collection instead.
        var named = await client.CallAsync("ask", new { question = "What is the Great Red Spot?", conversationId = ask.GetProperty("conversationId").GetString(), documentIds = new[] { ids["baking.txt"] } });
        Assert.Contains("does not exist", named.AssertToolError(), StringComparison.Ordinal);

        var followUp = (await client.CallAsync("ask", new { question = "What is the Great Red Spot?", conversationId = ask.GetProperty("conversationId").GetString() })).Json();

        Assert.NotEqual(0, followUp.GetProperty("citations").GetArrayLength());
        Assert.All(followUp.GetProperty("citations").EnumerateArray(), c => Assert.Equal("planets.txt", c.GetProperty("documentName").GetString()));
        Assert.Equal([ids["baking.txt"]], followUp.GetProperty("droppedDocumentIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("deleted", followUp.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_valid_key_mcp_is_401_with_the_inert_security_headers()
    {
        using var http = fixture.Factory.CreateClient();
        using var body = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync("/mcp", body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Security.ContentSecurityPolicies.Inert, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync("not-a-key"));
    }

    private static IEnumerable<string?> Names(JsonElement listing) =>
        listing.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()).Order(StringComparer.Ordinal);

    private async Task<McpClient> ConnectAsync(string key)
    {
        var http = fixture.Factory.CreateClient();
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = new Uri(http.BaseAddress!, "mcp"),
                TransportMode = HttpTransportMode.StreamableHttp,
                // Both ways a key may come: OpenAI-style Bearer for the admin, X-Api-Key for the scoped key.
                AdditionalHeaders = key == recipesKey
                    ? new Dictionary<string, string> { ["X-Api-Key"] = key }
                    : new Dictionary<string, string> { ["Authorization"] = "Bearer " + key },
            },
            http,
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }
}

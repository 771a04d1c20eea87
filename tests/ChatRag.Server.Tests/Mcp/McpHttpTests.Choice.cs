using System.Net.Http.Json;
using System.Text.Json;

namespace ChatRag.Server.Tests.Mcp;

/// <content>MCP <c>ask</c>'s <c>documentIds</c> means what REST's does: omitted keeps the stored choice, [] clears it.</content>
public sealed partial class McpHttpTests
{
    [Fact]
    public async Task An_ask_with_empty_documentIds_returns_the_conversation_to_the_whole_collection()
    {
        await using var client = await ConnectAsync(adminKey);
        var ids = (await client.CallAsync("list_documents")).Json().GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("id").GetString()!);
        var ask = (await client.CallAsync("ask", new { question = "What is the Great Red Spot?", documentIds = new[] { ids["baking.txt"] } })).Json();
        var conversation = ask.GetProperty("conversationId").GetString();
        using var http = fixture.Factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", adminKey);

        // Omitted, the choice carries over.
        var kept = (await client.CallAsync("ask", new { question = "What is the Great Red Spot?", conversationId = conversation })).Json();
        Assert.All(kept.GetProperty("citations").EnumerateArray(), c => Assert.Equal("baking.txt", c.GetProperty("documentName").GetString()));
        Assert.Equal([ids["baking.txt"]], await StoredChoiceAsync());

        // Empty, the conversation answers from the whole collection again, and stores that.
        var widened = (await client.CallAsync("ask", new { question = "What is the Great Red Spot?", conversationId = conversation, documentIds = Array.Empty<string>() })).Json();
        Assert.Contains(widened.GetProperty("citations").EnumerateArray(), c => c.GetProperty("documentName").GetString() == "planets.txt");
        Assert.Empty(await StoredChoiceAsync());

        async Task<IEnumerable<string?>> StoredChoiceAsync() =>
            (await http.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}")).GetProperty("documentIds").EnumerateArray().Select(e => e.GetString()).ToList();
    }
}

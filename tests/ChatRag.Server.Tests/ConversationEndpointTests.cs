using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChatRag.Server.Tests;

public sealed class ConversationEndpointTests(ChatRagServerFixture fixture) : IClassFixture<ChatRagServerFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    [Fact]
    public async Task Conversation_is_stored_listed_read_and_deleted()
    {
        var first = await client.AskAsync(new { message = "Tell me about Jupiter's storm" });
        var id = first.GetProperty("conversationId").GetGuid();

        var followUp = await client.AskAsync(new { message = "How big is it?", conversationId = id });

        Assert.Equal(id, followUp.GetProperty("conversationId").GetGuid());
        var trace = followUp.GetProperty("trace");
        Assert.Equal("terms", trace.GetProperty("rewriteMethod").GetString());
        Assert.Contains("Jupiter", trace.GetProperty("rewrittenQuery").GetString(), StringComparison.Ordinal);
        Assert.Contains("larger than Earth", followUp.GetProperty("answer").GetString(), StringComparison.Ordinal);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/conversations");
        var item = list.GetProperty("conversations").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal("Tell me about Jupiter's storm", item.GetProperty("title").GetString());
        Assert.True(item.TryGetProperty("updatedAt", out _));

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}");
        var messages = detail.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant", "user", "assistant"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.NotEmpty(messages[1].GetProperty("citations").EnumerateArray());
        Assert.Equal("extractive", messages[3].GetProperty("trace").GetProperty("mode").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/conversations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/conversations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/conversations/{id}")).StatusCode);
    }

    [Fact]
    public async Task Unknown_conversation_is_404_problem()
    {
        var response = await client.GetAsync($"/api/v1/conversations/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

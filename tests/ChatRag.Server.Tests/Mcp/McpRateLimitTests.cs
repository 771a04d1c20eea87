using ModelContextProtocol.Client;

namespace ChatRag.Server.Tests.Mcp;

/// <summary>The MCP <c>ask</c> tool runs the decoder, so it is held to the chat rate limit per caller; the other tools are not.</summary>
public sealed class McpRateLimitTests : IAsyncLifetime
{
    private readonly ChatRagServerFixture fixture = new(new Dictionary<string, string?>
    {
        ["ChatRag:RateLimit:PermitLimit"] = "1",
        ["ChatRag:RateLimit:WindowSeconds"] = "3600",
    });

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Ask_beyond_the_chat_limit_is_a_tool_error_and_search_still_works()
    {
        var http = fixture.Factory.CreateClient();
        await using var client = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "mcp") }, http, ownsHttpClient: true));

        (await client.CallAsync("ask", new { question = "What is the Great Red Spot?" })).Json();
        var refused = (await client.CallAsync("ask", new { question = "What are Saturn's rings made of?" })).AssertToolError();

        Assert.Contains("rate limit", refused, StringComparison.Ordinal);
        Assert.NotEqual(0, (await client.CallAsync("search_documents", new { query = "Saturn" })).Json().GetProperty("results").GetArrayLength());
        Assert.NotEqual(0, (await client.CallAsync("search_documents", new { query = "rings" })).Json().GetProperty("results").GetArrayLength());
    }
}

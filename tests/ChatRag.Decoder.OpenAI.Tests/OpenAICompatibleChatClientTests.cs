using System.Net;
using System.Text.Json;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Decoder.OpenAI.Tests;

public sealed class OpenAICompatibleChatClientTests : IAsyncLifetime
{
    private FakeOpenAIServer server = null!;

    public async Task InitializeAsync() => server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task NonStreamingCompletionReturnsTheTextAndSendsModelAndKey()
    {
        server.ReplyText("Paris.");
        using var provider = Services(apiKey: "secret-key");
        var client = provider.GetRequiredService<IChatClient>();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Capital of France?")]);

        Assert.Equal("Paris.", response.Text);
        Assert.Equal(10, response.Usage?.TotalTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer secret-key", request.Authorization);
        Assert.Equal("test-model", request.Body.GetProperty("model").GetString());
        var messages = request.Body.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task StreamingYieldsTheServerSentDeltasInOrder()
    {
        server.ReplyStream("Hel", "lo, ", "wörld");
        using var provider = Services();
        var client = provider.GetRequiredService<IChatClient>();

        var texts = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
        {
            if (update.Text.Length > 0)
            {
                texts.Add(update.Text);
            }
        }

        Assert.Equal(["Hel", "lo, ", "wörld"], texts);
        Assert.True(Assert.Single(server.Requests).Body.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task ToolCallRoundTripsThroughFunctionInvokingChatClient()
    {
        server.ReplyToolCall("call_7", "search", "{\"query\":\"decoder options\",\"corpus\":\"docs\"}");
        server.ReplyText("Set ChatRag:Decoder:Endpoint.");
        var searched = new List<(string Query, string Corpus)>();
        var search = AIFunctionFactory.Create(
            (string query, string corpus) => { searched.Add((query, corpus)); return "Endpoint sets the server."; },
            "search", "Search the indexed corpus.");
        using var provider = Services(builder => builder.UseFunctionInvocation());
        var client = provider.GetRequiredService<IChatClient>();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "How do I configure the decoder?")], new ChatOptions { Tools = [search] });

        Assert.Equal("Set ChatRag:Decoder:Endpoint.", response.Text);
        Assert.Equal([("decoder options", "docs")], searched);
        Assert.Equal(2, server.Requests.Count);
        var tools = server.Requests[0].Body.GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal("search", Assert.Single(tools).GetProperty("function").GetProperty("name").GetString());
        var followUp = server.Requests[1].Body.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant", "tool"], followUp.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("call_7", followUp[1].GetProperty("tool_calls")[0].GetProperty("id").GetString());
        Assert.Equal("call_7", followUp[2].GetProperty("tool_call_id").GetString());
        Assert.Contains("Endpoint sets the server.", followUp[2].GetProperty("content").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorBecomesAClearHttpRequestException()
    {
        server.ReplyError(500, "model not loaded");
        using var provider = Services();
        var client = provider.GetRequiredService<IChatClient>();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.Contains("model not loaded", error.Message, StringComparison.Ordinal);
        Assert.Contains(server.V1.ToString().TrimEnd('/'), error.Message, StringComparison.Ordinal);
        Assert.Contains("test-model", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task CredentialsInTheEndpointStayOutOfTheErrorMessage()
    {
        // The message reaches the chat trace's note (REST, SSE, stored conversations, MCP): an address with credentials
        // must not carry them there.
        server.ReplyError(500, "model not loaded");
        var withCredentials = new UriBuilder(server.V1) { UserName = "admin", Password = "s3cret-pass" }.Uri;
        var client = OpenAICompatibleChatClientFactory.Create(new OpenAICompatibleChatClientSettings { Endpoint = withCredentials, Model = "test-model", MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));

        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", error.Message, StringComparison.Ordinal);
        Assert.Contains(server.V1.Host, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorWhileStreamingIsTranslatedToo()
    {
        server.ReplyError(503, "overloaded");
        using var provider = Services();
        var client = provider.GetRequiredService<IChatClient>();

        var error = await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
            {
                _ = update;
            }
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("overloaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoKeyConfiguredSendsAPlaceholderBearer()
    {
        server.ReplyText("ok");
        using var provider = Services(apiKey: null);

        await provider.GetRequiredService<IChatClient>().GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        Assert.Equal("Bearer no-key", Assert.Single(server.Requests).Authorization);
    }

    private ServiceProvider Services(Action<ChatClientBuilder>? compose = null, string? apiKey = "k") =>
        OptionsTests.Provider(new OpenAICompatibleChatClientSettings { Endpoint = server.V1, Model = "test-model", ApiKey = apiKey, TimeoutSeconds = 30, MaxRetries = 0 }, compose);
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace ChatRag.Server.Tests;

/// <summary>
/// Streamed completions through a generative model that reasons first: the OpenAI client reads the chunks, and the raw
/// stream shows the wire format (role first, reasoning_content, content, a final chunk with citations, usage and mode,
/// then <c>data: [DONE]</c>).
/// </summary>
public sealed class OpenAICompatibleStreamingTests : IAsyncLifetime
{
    private const string Answer = "The Great Red Spot is a storm larger than Earth [1].";
    private readonly ChatRagServerFactory inner = new();
    private WebApplicationFactory<ServerMarker> factory = null!;

    public async Task InitializeAsync()
    {
        factory = inner.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddChatClient(new ReasoningChatClient()).UseFunctionInvocation()));
        await factory.AddDocumentAsync("default", "planets.txt", "Jupiter's Great Red Spot is a storm larger than Earth.", "Saturn's rings are made of ice.");
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await inner.DisposeAsync();
    }

    [Fact]
    public async Task OpenAI_client_streams_the_answer_and_ends_with_stop_and_usage()
    {
        var client = OpenAIClients.Chat(factory, "chatrag/default", "anonymous-mode-placeholder");
        var text = new StringBuilder();
        var updates = new List<StreamingChatCompletionUpdate>();

        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("What is the Great Red Spot?")]))
        {
            updates.Add(update);
            text.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
        }

        Assert.Equal(Answer, text.ToString());
        Assert.Equal(OpenAI.Chat.ChatFinishReason.Stop, updates[^1].FinishReason);
        Assert.Equal(7, updates[^1].Usage.InputTokenCount);
        Assert.Equal(11, updates[^1].Usage.OutputTokenCount);
        Assert.All(updates, u => Assert.Equal("chatrag/default", u.Model));
        Assert.Single(updates.Select(u => u.CompletionId).Distinct());
    }

    [Fact]
    public async Task Raw_stream_is_chunks_with_reasoning_content_then_a_final_chunk_with_citations_then_DONE()
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "placeholder");
        using var response = await http.PostAsJsonAsync("/v1/chat/completions", new
        {
            model = "chatrag/default",
            stream = true,
            messages = new object[] { new { role = "user", content = new[] { new { type = "text", text = "What is the Great Red Spot?" } } } },
        });

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e, StringComparison.Ordinal));
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());

        var deltas = chunks.Select(c => c.GetProperty("choices")[0].GetProperty("delta")).ToList();
        Assert.Equal("Look up the spot.", string.Concat(deltas.Select(d => d.TryGetProperty("reasoning_content", out var r) ? r.GetString() : null)));
        Assert.Equal(Answer, string.Concat(deltas.Select(d => d.TryGetProperty("content", out var c) ? c.GetString() : null)));

        var last = chunks[^1];
        Assert.Equal("stop", last.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal("generative", last.GetProperty("mode").GetString());
        Assert.Equal("planets.txt", last.GetProperty("citations")[0].GetProperty("documentName").GetString());
        Assert.Equal(18, last.GetProperty("usage").GetProperty("total_tokens").GetInt64());
        Assert.All(chunks[..^1], c => Assert.False(c.TryGetProperty("citations", out _)));
    }

    [Fact]
    public async Task Non_streaming_answer_carries_the_reasoning_as_reasoning_content()
    {
        var result = await OpenAIClients.Chat(factory, "chatrag/default", "placeholder").CompleteChatAsync([new UserChatMessage("What is the Great Red Spot?")]);

        Assert.Equal(Answer, result.Value.Content[0].Text);
        using var raw = JsonDocument.Parse(result.GetRawResponse().Content);
        var message = raw.RootElement.GetProperty("choices")[0].GetProperty("message");
        Assert.Equal("Look up the spot.", message.GetProperty("reasoning_content").GetString());
        Assert.Equal("generative", raw.RootElement.GetProperty("mode").GetString());
    }

    /// <summary>Reasons, answers in pieces with a citation, and reports 7 input and 11 output tokens.</summary>
    private sealed class ReasoningChatClient : IChatClient
    {
        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, [new TextReasoningContent("Look up the spot.")]) { ModelId = "reasoner" };
            foreach (var piece in new[] { "The Great Red Spot is a storm", " larger than Earth [", "1]." })
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, piece) { ModelId = "reasoner" };
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = 7, OutputTokenCount = 11, TotalTokenCount = 18 })]);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose()
        {
        }
    }
}

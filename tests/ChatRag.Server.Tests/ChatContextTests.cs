using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.Core.Conversations;
using ChatRag.Storage.Sqlite.Conversations;
using ChatRag.TestKit.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>
/// What a generative turn sends and what it does when the model gives nothing usable: only the recent messages
/// (never the whole conversation with traces), a prompt trimmed to the model's context window, a clear 400 for a
/// question that cannot fit, and the extractive answer when the model writes no text or overflows mid-turn.
/// </summary>
public sealed class ChatContextTests
{
    private const string Planets = "Jupiter is the largest planet; its Great Red Spot is a storm larger than Earth.";

    [Fact]
    public async Task A_model_that_writes_no_text_falls_back_to_the_extractive_answer()
    {
        var model = new ScriptedChatClient(
            [new TextReasoningContent("Let me think about storms."), new UsageContent(new UsageDetails { InputTokenCount = 10, OutputTokenCount = 1024 })]);
        await using var server = await StartAsync(s => s.AddChatClient(model).UseFunctionInvocation());

        var body = await server.Client.AskAsync(new { message = "What is the Great Red Spot?" });

        Assert.Equal("extractive", body.GetProperty("mode").GetString());
        Assert.Contains("[1]", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Contains("no answer text", body.GetProperty("trace").GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_only_calls_tools_falls_back_to_the_extractive_answer()
    {
        var model = new ScriptedChatClient(
            [new FunctionCallContent("call-1", "chatrag_search_documents", new Dictionary<string, object?> { ["query"] = "storm" })],
            [new UsageContent(new UsageDetails { InputTokenCount = 10, OutputTokenCount = 0 })]);
        await using var server = await StartAsync(s => s.AddChatClient(model).UseFunctionInvocation());

        var events = await server.Client.StreamAsync(new { message = "What is the Great Red Spot?", stream = true });

        Assert.Contains(events, e => e.Name == "tool");
        var done = events.Single(e => e.Name == "done").Data;
        Assert.Equal("extractive", done.GetProperty("mode").GetString());
        Assert.False(string.IsNullOrWhiteSpace(done.GetProperty("answer").GetString()));
        Assert.Contains(events, e => e.Name == "delta" && e.Data.GetProperty("text").GetString()!.Contains("[1]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tool_round_that_outgrows_the_context_ends_in_the_extractive_answer_not_an_error_event()
    {
        var model = new ScriptedChatClient(
            [new FunctionCallContent("call-1", "chatrag_search_documents", new Dictionary<string, object?> { ["query"] = "storm" })],
            [new TextContent("never reached")]);
        await using var server = await StartAsync(s => s.AddChatClient(new OverflowOnToolResultsChatClient(model)).UseFunctionInvocation());

        var events = await server.Client.StreamAsync(new { message = "What is the Great Red Spot?", stream = true });

        Assert.DoesNotContain(events, e => e.Name == "error");
        var done = events.Single(e => e.Name == "done").Data;
        Assert.Equal("extractive", done.GetProperty("mode").GetString());
        Assert.Contains("ArgumentException", done.GetProperty("trace").GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_are_trimmed_to_the_models_context_window_and_the_trace_says_so()
    {
        var model = new ScriptedChatClient([new TextContent("Glaciers carve valleys [1].")]);
        await using var server = await StartAsync(s => s.AddChatClient(new SmallContextChatClient(model, 3_000)).UseFunctionInvocation());
        for (var i = 0; i < 3; i++)
        {
            await server.Factory.AddDocumentAsync("default", $"glacier{i}.txt", $"Glacier report {i}: " + string.Join(' ', Enumerable.Repeat("glacier ice moves slowly downhill", 200)));
        }

        var body = await server.Client.AskAsync(new { message = "How do glaciers move?" });

        var prompt = model.Requests.Last(r => r.Any(m => m.Role == ChatRole.System))[^1].Text;
        var sent = prompt.Split("<source id=").Length - 1;
        Assert.InRange(sent, 1, 3);
        Assert.Equal(sent, body.GetProperty("trace").GetProperty("hits").GetArrayLength());
        Assert.Contains($"sent {sent} of", body.GetProperty("trace").GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.True(sent < 4, "every retrieved source would not fit a 3,000-token window");
    }

    [Fact]
    public async Task A_question_that_cannot_fit_the_context_is_a_400_before_any_event()
    {
        var model = new ScriptedChatClient([new TextContent("unused")]);
        await using var server = await StartAsync(s => s.AddChatClient(new SmallContextChatClient(model, 1_000)).UseFunctionInvocation());
        var question = "Why " + string.Join(' ', Enumerable.Repeat("storm", 600)) + "?";

        using var streamed = await server.Client.PostAsJsonAsync("/api/v1/chat", new { message = question, stream = true });
        using var plain = await server.Client.PostAsJsonAsync("/api/v1/chat", new { message = question });

        foreach (var response in new[] { streamed, plain })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("context window", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_follow_up_loads_only_the_recent_messages_not_the_whole_conversation()
    {
        var model = new ScriptedChatClient([new TextContent("The Great Red Spot is a storm [1].")]);
        await using var server = await StartAsync(s =>
        {
            s.AddChatClient(model).UseFunctionInvocation();
            s.AddSingleton<IConversationStore>(sp => new NoWholeConversationStore(ActivatorUtilities.CreateInstance<SqliteConversationStore>(sp)));
        });

        var first = await server.Client.AskAsync(new { message = "What is the Great Red Spot?" });
        var id = first.GetProperty("conversationId").GetGuid();
        var second = await server.Client.AskAsync(new { message = "How large is it?", conversationId = id });

        Assert.Equal(id, second.GetProperty("conversationId").GetGuid());
        var request = model.Requests.Last(r => r.Any(m => m.Role == ChatRole.System));
        Assert.Contains(request, m => m.Role == ChatRole.Assistant && m.Text.Contains("storm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_store_reads_the_last_messages_in_order_without_citations_or_traces()
    {
        await using var server = await StartAsync(_ => { });
        var store = server.Factory.Services.GetRequiredService<IConversationStore>();
        var conversation = await store.CreateAsync("t", "default", null);
        var now = DateTimeOffset.UtcNow;
        await store.AppendAsync(conversation.Id, [.. Enumerable.Range(0, 10).Select(i => new ConversationMessage(i % 2 == 0 ? "user" : "assistant", $"m{i}", "[]", "{\"big\":true}", now))]);

        var recent = await store.GetRecentMessagesAsync(conversation.Id, 3);

        Assert.Equal(["m7", "m8", "m9"], recent.Select(m => m.Content));
        Assert.Equal(["assistant", "user", "assistant"], recent.Select(m => m.Role));
        Assert.All(recent, m => Assert.Null(m.TraceJson));
        Assert.Empty(await store.GetRecentMessagesAsync(conversation.Id, 0));
        Assert.Empty(await store.GetRecentMessagesAsync(Guid.NewGuid(), 5));
    }

    private static async Task<Server> StartAsync(Action<IServiceCollection> services)
    {
        var inner = new ChatRagServerFactory();
        var factory = inner.WithWebHostBuilder(b => b.ConfigureTestServices(services));
        _ = factory.Server;
        await factory.AddDocumentAsync("default", "planets.txt", Planets);
        return new Server(inner, factory, factory.CreateClient());
    }

    private sealed record Server(ChatRagServerFactory Inner, WebApplicationFactory<ServerMarker> Factory, HttpClient Client) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Factory.DisposeAsync();
            await Inner.DisposeAsync();
        }
    }
}

using ChatRag.Core.Conversations;
using ChatRag.TestKit.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>
/// What a generative turn asks of the decoder: an answer budget no larger than the room the prompt budget reserved
/// for it (a small window would otherwise overflow mid-answer), and no tools for a model whose chat template has no
/// tool-call format, with a trace note that says so.
/// </summary>
public sealed class ChatDecoderBudgetTests
{
    private const string Planets = "Jupiter is the largest planet; its Great Red Spot is a storm larger than Earth.";

    [Fact]
    public async Task The_answer_budget_is_clamped_to_the_room_reserved_in_a_small_window()
    {
        var model = new ScriptedChatClient([new TextContent("The Great Red Spot is a storm [1].")]);
        await using var server = await StartAsync(s => s.AddChatClient(new SmallContextChatClient(model, 2_000)).UseFunctionInvocation());

        await server.Client.AskAsync(new { message = "What is the Great Red Spot?" });

        var options = Generative(model);
        Assert.NotNull(options.MaxOutputTokens);
        Assert.InRange(options.MaxOutputTokens.Value, 1, 2_000 / 4);
    }

    [Fact]
    public async Task The_configured_answer_budget_is_kept_when_the_window_is_large()
    {
        var model = new ScriptedChatClient([new TextContent("The Great Red Spot is a storm [1].")]);
        await using var server = await StartAsync(s => s.AddChatClient(new SmallContextChatClient(model, 32_000)).UseFunctionInvocation());

        await server.Client.AskAsync(new { message = "What is the Great Red Spot?" });

        Assert.Equal(1_024, Generative(model).MaxOutputTokens);
    }

    [Fact]
    public async Task A_model_without_a_tool_format_gets_no_tools_and_the_trace_says_so()
    {
        var model = new ScriptedChatClient([new TextContent("The Great Red Spot is a storm [1].")]);
        await using var server = await StartAsync(s => s.AddChatClient(new NoToolFormatChatClient(model)).UseFunctionInvocation());

        var body = await server.Client.AskAsync(new { message = "What is the Great Red Spot?" });

        Assert.Equal("generative", body.GetProperty("mode").GetString());
        Assert.Null(Generative(model).Tools);
        Assert.Contains("no tool-call format", body.GetProperty("trace").GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_with_a_tool_format_gets_the_tools()
    {
        var model = new ScriptedChatClient([new TextContent("The Great Red Spot is a storm [1].")]);
        await using var server = await StartAsync(s => s.AddChatClient(model).UseFunctionInvocation());

        await server.Client.AskAsync(new { message = "What is the Great Red Spot?" });

        Assert.NotEmpty(Generative(model).Tools!);
    }

    // The grounded call (it has the system prompt), not the follow-up rewrite.
    private static ChatOptions Generative(ScriptedChatClient model)
    {
        var index = model.Requests.FindLastIndex(r => r[^1].Text.Contains("<source", StringComparison.Ordinal));
        Assert.True(index >= 0, "the model was never called with a grounded prompt");
        return model.Options[index]!;
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

    /// <summary>A model whose chat template has no tool-call format, as the ONNX decoder reports it for Llama 2.</summary>
    private sealed class NoToolFormatChatClient(IChatClient inner) : DelegatingChatClient(inner)
    {
        public override object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ToolCallSupport) ? new ToolCallSupport(false, "The chat template of test declares no tool-call format, so the model was offered no tools.") : base.GetService(serviceType, serviceKey);
    }
}

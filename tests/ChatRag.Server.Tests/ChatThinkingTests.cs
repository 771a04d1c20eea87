using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.TestKit.Fakes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>
/// The chat request's <c>thinking</c> field reaches the decoder as <c>enable_thinking</c> (what the in-process
/// decoder passes to the template), and reasoning is streamed as thoughts, never stored as the answer.
/// </summary>
public sealed class ChatThinkingTests
{
    [Fact]
    public async Task Thinking_field_reaches_the_decoder_and_reasoning_is_never_the_answer()
    {
        var model = new ScriptedChatClient(
            [new TextReasoningContent("SECRET-REASONING about storms."), new TextContent("Jupiter's Great Red Spot is a storm [1].")]);
        var inner = new ChatRagServerFactory();
        await using var _ = inner;
        await using var factory = inner.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddChatClient(model).UseFunctionInvocation()));
        using var client = factory.CreateClient();
        await factory.AddDocumentAsync("default", "planets.txt", "Jupiter is the largest planet; its Great Red Spot is a storm larger than Earth.");

        var off = await client.AskAsync(new { message = "What is the Great Red Spot?", thinking = false });
        var unset = await client.AskAsync(new { message = "What is the Great Red Spot?" });
        var on = await client.AskAsync(new { message = "What is the Great Red Spot?", thinking = true });

        var withTools = model.Options.Where(o => o?.Tools is { Count: > 0 }).ToList();
        Assert.Equal(3, withTools.Count);
        Assert.Equal(false, withTools[0]!.AdditionalProperties?["enable_thinking"]);
        Assert.False(withTools[1]!.AdditionalProperties?.ContainsKey("enable_thinking") ?? false);
        Assert.Equal(true, withTools[2]!.AdditionalProperties?["enable_thinking"]);
        foreach (var body in new[] { off, unset, on })
        {
            Assert.Equal("generative", body.GetProperty("mode").GetString());
            Assert.DoesNotContain("SECRET-REASONING", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        }

        var conversation = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{on.GetProperty("conversationId").GetString()}");
        Assert.DoesNotContain("SECRET-REASONING", JsonSerializer.Serialize(conversation.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString())), StringComparison.Ordinal);
    }
}

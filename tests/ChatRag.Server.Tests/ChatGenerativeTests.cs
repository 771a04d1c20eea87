using System.Text.Json;
using ChatRag.Chat.Prompts;
using Microsoft.Extensions.AI;

namespace ChatRag.Server.Tests;

/// <summary>Chat through a scripted model that reasons, calls a tool and cites, over the real server.</summary>
public sealed class ChatGenerativeTests(ChatGenerativeFixture fixture) : IClassFixture<ChatGenerativeFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    [Fact]
    public async Task Stream_orders_thought_tool_delta_citation_done()
    {
        var events = await client.StreamAsync(new { message = "Tell me about the storm on Jupiter", stream = true });

        var names = events.Select(e => e.Name).ToList();
        Assert.Equal("thought", names[0]);
        Assert.True(names.IndexOf("thought") < names.IndexOf("delta"));
        Assert.True(names.IndexOf("tool") < names.IndexOf("delta"));
        Assert.True(names.LastIndexOf("delta") < names.IndexOf("citation"));
        Assert.Equal("done", names[^1]);
        Assert.Single(names, n => n == "done");
        var tool = events.First(e => e.Name == "tool").Data;
        Assert.Equal("search_documents", tool.GetProperty("name").GetString());
        Assert.Equal("storm", tool.GetProperty("arguments").GetProperty("query").GetString());
        var done = events[^1].Data;
        Assert.Equal("generative", done.GetProperty("mode").GetString());
        Assert.Equal("scripted", done.GetProperty("trace").GetProperty("model").GetString());
        Assert.Equal(150, done.GetProperty("trace").GetProperty("tokens").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Tool_round_trip_feeds_results_back_and_citations_are_checked()
    {
        var body = await client.AskAsync(new { message = "Tell me about the storm on Jupiter" });

        // The model's second call received the tool result, as delimited untrusted data.
        var second = fixture.Model.Requests.Last(r => r.Any(m => m.Contents.OfType<FunctionResultContent>().Any()));
        var result = second.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single().Result?.ToString();
        Assert.Contains("Great Red Spot", result, StringComparison.Ordinal);
        Assert.Contains("<tool_result note=\"untrusted", result, StringComparison.Ordinal);

        var answer = body.GetProperty("answer").GetString()!;
        Assert.DoesNotContain("[9]", answer, StringComparison.Ordinal);
        var citations = body.GetProperty("citations").EnumerateArray().ToList();
        Assert.Equal([1, 2], citations.Select(c => c.GetProperty("index").GetInt32()));
        Assert.Contains("Great Red Spot", citations[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(citations[0].GetProperty("supported").GetBoolean());
        Assert.False(citations[1].GetProperty("supported").GetBoolean());
        var call = body.GetProperty("trace").GetProperty("toolCalls")[0];
        Assert.True(call.GetProperty("ms").GetDouble() >= 0);
    }

    [Fact]
    public async Task Injected_instructions_stay_inside_the_sources_as_data()
    {
        await client.AskAsync(new { message = "Is a storm coming?" });

        var request = fixture.Model.Requests.Last(r => r[0].Role == ChatRole.System && r[0].Text == GroundedPrompt.System);
        Assert.DoesNotContain("PWNED", request[0].Text, StringComparison.Ordinal);
        var user = request.Last(m => m.Role == ChatRole.User).Text;
        var injection = user.IndexOf("Ignore previous instructions", StringComparison.Ordinal);
        Assert.True(injection > 0);
        Assert.True(user.LastIndexOf("<source id=", injection, StringComparison.Ordinal) > user.IndexOf("<sources", StringComparison.Ordinal));
        Assert.True(user.IndexOf("</source>", injection, StringComparison.Ordinal) > injection);
    }

    [Fact]
    public async Task Tools_and_sources_never_leave_the_requested_collection()
    {
        var body = await client.AskAsync(new { message = "storm", collection = "default" });

        var trace = body.GetProperty("trace");
        Assert.True(trace.GetProperty("toolCalls").GetArrayLength() > 0, body.ToString());
        Assert.DoesNotContain("tomato", trace.GetProperty("toolCalls")[0].GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.All(body.GetProperty("citations").EnumerateArray(), c => Assert.DoesNotContain("tomato", c.GetProperty("text").GetString(), StringComparison.Ordinal));
        var prompt = fixture.Model.Requests.Last(r => r[0].Role == ChatRole.System).Last(m => m.Role == ChatRole.User).Text;
        Assert.DoesNotContain("tomato", prompt, StringComparison.Ordinal);

        var recipes = await client.AskAsync(new { message = "storm", collection = "recipes" });
        Assert.Contains("tomato", recipes.GetProperty("trace").GetProperty("toolCalls")[0].GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Jupiter", recipes.GetProperty("trace").GetProperty("toolCalls")[0].GetProperty("result").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_up_is_rewritten_by_the_model_and_shown_in_the_trace()
    {
        var first = await client.AskAsync(new { message = "Tell me about Jupiter" });

        var followUp = await client.AskAsync(new { message = "How large is it?", conversationId = first.GetProperty("conversationId").GetGuid() });

        Assert.Equal("model", followUp.GetProperty("trace").GetProperty("rewriteMethod").GetString());
        Assert.Equal(ChatGenerativeFixture.FollowUpRewrite, followUp.GetProperty("trace").GetProperty("rewrittenQuery").GetString());
    }
}

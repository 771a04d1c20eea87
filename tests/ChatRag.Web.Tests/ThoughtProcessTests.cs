using Bunit;
using ChatRag.Web.Api;
using ChatRag.Web.Components;
using ChatRag.Web.State;

namespace ChatRag.Web.Tests;

public sealed class ThoughtProcessTests : WebTestContext
{
    [Fact]
    public void The_toggle_flips_aria_expanded_and_shows_reasoning_and_trace()
    {
        var answer = new AnswerState("what lowers blood pressure?");
        answer.Apply(ChatStreamEvent.Thought("The user asks about blood pressure."));
        answer.Apply(ChatStreamEvent.Completed(Samples.Response("Exercise [1].", Samples.Citation(1))));
        var panel = Render<ThoughtProcessPanel>(p => p.Add(t => t.Answer, answer));

        var toggle = panel.Find("button");
        Assert.Equal("Thought process", toggle.TextContent);
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.True(panel.Find(".thought-body").HasAttribute("hidden"));
        Assert.Equal(toggle.GetAttribute("aria-controls"), panel.Find(".thought-body").Id);

        toggle.Click();

        Assert.Equal("true", panel.Find("button").GetAttribute("aria-expanded"));
        Assert.False(panel.Find(".thought-body").HasAttribute("hidden"));
        var body = panel.Find(".thought-body").TextContent;
        Assert.Contains("The user asks about blood pressure.", body, StringComparison.Ordinal);
        Assert.Contains("what lowers blood pressure in adults?", body, StringComparison.Ordinal);
        Assert.Contains("report.pdf", panel.Find(".hits").TextContent, StringComparison.Ordinal);
        Assert.Contains("0.0321", panel.Find(".hits").TextContent, StringComparison.Ordinal);
        Assert.Contains("calculator(expression: 2+2)", panel.Find(".tools").TextContent, StringComparison.Ordinal);
        Assert.Contains("retrieval: 12.5 ms", panel.Find(".timings").TextContent, StringComparison.Ordinal);
        Assert.Equal("generative", panel.Find(".mode").TextContent);

        panel.Find("button").Click();
        Assert.Equal("false", panel.Find("button").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void Tool_calls_show_while_the_answer_still_streams()
    {
        var answer = new AnswerState("q") { Streaming = true };
        answer.Apply(ChatStreamEvent.ToolCall(new("search_documents", new Dictionary<string, string?> { ["query"] = "bp" }, "3 passages", 4)));
        var panel = Render<ThoughtProcessPanel>(p => p.Add(t => t.Answer, answer));

        panel.Find("button").Click();

        Assert.Contains("search_documents(query: bp)", panel.Find(".tools").TextContent, StringComparison.Ordinal);
    }
}

using Bunit;
using ChatRag.Contracts.Chat;
using ChatRag.Web.Api;
using ChatRag.Web.Components;
using ChatRag.Web.State;

namespace ChatRag.Web.Tests;

public sealed class NotFoundStateTests : WebTestContext
{
    private const string NotFound = "I could not find an answer to this question in your documents.";

    [Fact]
    public void An_answer_the_documents_do_not_hold_is_a_calm_state_of_its_own_without_sources()
    {
        var answer = new AnswerState("asdfgh qwerty");
        answer.Apply(ChatStreamEvent.Completed(Samples.Response(NotFound) with { Mode = "extractive", Found = false }));

        var view = Render<ChatMessageView>(p => p.Add(v => v.Answer, answer));

        var state = view.Find(".message.assistant .not-found-state");
        Assert.Equal("status", state.GetAttribute("role"));
        Assert.Contains("Not in your documents.", state.TextContent, StringComparison.Ordinal);
        Assert.Contains(NotFound, state.TextContent, StringComparison.Ordinal);
        Assert.Empty(view.FindAll(".markdown"));
        Assert.Empty(view.FindAll("button.cite"));
        Assert.Equal("not found", view.Find(".mode-badge").TextContent);
    }

    [Fact]
    public void A_found_answer_shows_its_quotes_and_no_not_found_state()
    {
        var answer = new AnswerState("Who built it?");
        answer.Apply(ChatStreamEvent.Completed(Samples.Response("Maria Ostrand built it [1].", Samples.Citation(1))));

        var view = Render<ChatMessageView>(p => p.Add(v => v.Answer, answer));

        Assert.Empty(view.FindAll(".not-found-state"));
        Assert.NotEmpty(view.FindAll("button.cite"));
    }

    [Fact]
    public void A_stored_not_found_answer_reads_back_as_not_found()
    {
        var trace = Samples.Trace("extractive") with { Evidence = new TraceEvidence(false, 0.2, 0.1, "The best passage holds only 20% of the question's content terms.") };
        var stored = new ConversationMessageItem("assistant", NotFound, [], trace, DateTimeOffset.UnixEpoch);

        var answer = AnswerState.FromHistory("asdfgh qwerty", stored, Guid.NewGuid());

        Assert.False(answer.Found);
        var view = Render<ChatMessageView>(p => p.Add(v => v.Answer, answer));
        Assert.NotEmpty(view.FindAll(".not-found-state"));
    }

    [Fact]
    public void The_thought_process_says_why_the_question_was_rewritten_and_why_it_was_not_found()
    {
        var trace = Samples.Trace("extractive") with
        {
            RewriteMethod = "terms",
            RewriteReason = "Refers back (\"she\"): added the previous question's terms.",
            Evidence = new TraceEvidence(false, 0.1, 0.4, "The best passage holds only 10% of the question's content terms (needs 25%)."),
        };
        var answer = new AnswerState("Who did she replace?");
        answer.Apply(ChatStreamEvent.Completed(Samples.Response(NotFound) with { Trace = trace, Found = false }));
        var panel = Render<ThoughtProcessPanel>(p => p.Add(t => t.Answer, answer));

        panel.Find("button").Click();

        Assert.Contains("Refers back (\"she\")", panel.Find(".rewrite-reason").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Not found: The best passage holds only 10%", panel.Find(".evidence").TextContent, StringComparison.Ordinal);
    }
}

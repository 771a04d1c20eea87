using Bunit;
using ChatRag.Web.Pages;

namespace ChatRag.Web.Tests;

public sealed class ConversationHistoryTests : WebTestContext
{
    [Fact]
    public void Reopening_a_conversation_shows_its_questions_answers_and_sources()
    {
        var id = Guid.NewGuid();
        Api.Stored[id] = Samples.Conversation(
            id, "What lowers blood pressure?", "Exercise lowers blood pressure [1].", Samples.Trace("extractive"), [Samples.Citation(1)]);

        var page = Render<ChatPage>(p => p.Add(c => c.ConversationId, id));

        Assert.Equal("What lowers blood pressure?", page.Find(".message.user p").TextContent);
        Assert.Contains("Exercise lowers blood pressure", page.Find(".message.assistant").TextContent, StringComparison.Ordinal);
        Assert.Equal("extractive", page.Find(".mode-badge").TextContent);
        page.Find("button[aria-label='Source 1']").Click();
        Assert.Equal("report.pdf", page.Find(".citation-panel .document-name").TextContent);
    }

    [Fact]
    public void An_unknown_conversation_shows_the_servers_message()
    {
        var page = Render<ChatPage>(p => p.Add(c => c.ConversationId, Guid.NewGuid()));

        Assert.Contains("Unknown conversation", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("textarea[aria-label=Message]"));
    }
}

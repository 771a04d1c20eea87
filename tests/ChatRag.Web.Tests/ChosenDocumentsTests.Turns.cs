using Bunit;
using ChatRag.Contracts.Chat;
using ChatRag.Web.Api;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

/// <content>
/// The chips after a turn: they follow the choice the turn used (the page's idea of the stored choice can be stale),
/// and a Stop that lands after the answer was saved keeps the conversation.
/// </content>
public sealed partial class ChosenDocumentsTests
{
    [Fact]
    public async Task The_chips_follow_the_choice_the_turn_used_when_the_stored_choice_changed_elsewhere()
    {
        var conversation = Guid.NewGuid();
        Services.GetRequiredService<AppState>().AskAbout([new ChosenDocument(First, "first.pdf"), new ChosenDocument(Second, "second.docx")]);
        var chat = Render<ChatPage>();
        await SendAsync(chat, "What do they say?");
        await CompleteTurnAsync(chat, conversation, "Both say this.", [First, Second]);

        // Another tab (or an MCP client) changed the conversation's choice to the first and third documents: this
        // follow-up, which names none, used those, with nothing dropped.
        await SendAsync(chat, "And then?");
        chat.WaitForAssertion(() => Assert.Equal(2, Api.ChatRequests.Count));
        Assert.Null(Api.ChatRequests[1].DocumentIds);
        await CompleteTurnAsync(chat, conversation, "Then this.", [First, Third]);

        chat.WaitForAssertion(() => Assert.Equal(["first.pdf", "third.txt"], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent)));

        // The chips are the stored choice again, so the next follow-up names no documents (naming the second again would
        // put it back into the choice, or be a 404 once it is deleted).
        await SendAsync(chat, "And now?");
        chat.WaitForAssertion(() => Assert.Equal(3, Api.ChatRequests.Count));
        Assert.Null(Api.ChatRequests[2].DocumentIds);
    }

    [Fact]
    public async Task A_chip_removed_while_an_answer_streams_stays_removed_after_that_answer()
    {
        var conversation = Guid.NewGuid();
        Services.GetRequiredService<AppState>().AskAbout([new ChosenDocument(First, "first.pdf"), new ChosenDocument(Second, "second.docx")]);
        var chat = Render<ChatPage>();
        await SendAsync(chat, "What do they say?");
        chat.WaitForAssertion(() => Assert.Single(Api.ChatRequests));

        chat.Find("button[aria-label='Remove second.docx']").Click();
        await CompleteTurnAsync(chat, conversation, "Both say this.", [First, Second]);

        Assert.Equal(["first.pdf"], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent));
        await SendAsync(chat, "Only the first?");
        chat.WaitForAssertion(() => Assert.Equal(2, Api.ChatRequests.Count));
        Assert.Equal([First], Api.ChatRequests[1].DocumentIds!);
    }

    [Fact]
    public async Task Stop_after_the_first_answer_was_saved_keeps_the_conversation()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var state = Services.GetRequiredService<AppState>();
        state.AskAbout([new ChosenDocument(First, "first.pdf")]);
        var version = state.ConversationsVersion;
        var chat = Render<ChatPage>();
        await SendAsync(chat, "What does it say?");
        chat.WaitForAssertion(() => Assert.Single(Api.ChatRequests));
        var response = Samples.Response("It says this.") with { DocumentIds = [First] };

        // The done event is on its way when the user presses Stop: the server has stored the turn already.
        await chat.InvokeAsync(() =>
        {
            Assert.True(Api.ChatEvents.Writer.TryWrite(ChatStreamEvent.Completed(response)));
            _ = chat.Find("button.stop").ClickAsync(new());
        });

        chat.WaitForAssertion(() => Assert.Equal($"{navigation.BaseUri}c/{response.ConversationId}", navigation.Uri));
        Assert.True(state.ConversationsVersion > version);
        Assert.Contains("It says this.", chat.Find(".messages").TextContent, StringComparison.Ordinal);
        Assert.Empty(chat.FindAll(".stopped"));
    }

    [Fact]
    public async Task A_conversation_that_loads_after_the_user_opened_another_stays_out_of_it()
    {
        var slow = Guid.NewGuid();
        var shown = Guid.NewGuid();
        Api.Stored[slow] = Samples.Conversation(slow, "Slow question?", "Slow answer.") with { DocumentIds = [First] };
        Api.Stored[shown] = Samples.Conversation(shown, "Shown question?", "Shown answer.") with { DocumentIds = [Second] };
        var held = new TaskCompletionSource();
        Api.HeldConversations[slow] = held;

        var chat = Render<ChatPage>(p => p.Add(c => c.ConversationId, slow));
        chat.Render(p => p.Add(c => c.ConversationId, shown));
        chat.WaitForAssertion(() => Assert.Contains("Shown answer.", chat.Find(".messages").TextContent, StringComparison.Ordinal));

        // The first conversation's answer arrives now; the dispatcher runs the page's rest of that load before the
        // second (empty) call, which it queues behind it.
        await chat.InvokeAsync(held.SetResult);
        await chat.InvokeAsync(() => { });

        Assert.DoesNotContain("Slow", chat.Find(".messages").TextContent, StringComparison.Ordinal);
        Assert.Equal(["second.docx"], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent));
    }

    [Fact]
    public async Task Nothing_is_sent_while_a_reopened_conversation_still_loads()
    {
        var slow = Guid.NewGuid();
        Api.Stored[slow] = Samples.Conversation(slow, "Slow question?", "Slow answer.") with { DocumentIds = [First] };
        var held = new TaskCompletionSource();
        Api.HeldConversations[slow] = held;
        var chat = Render<ChatPage>(p => p.Add(c => c.ConversationId, slow));

        // A question typed before the conversation arrived would race its load for the chips and the stored choice (the
        // load then added the chips the turn had already set: two with one key).
        chat.Find("textarea[aria-label=Message]").Input("Too early?");
        Assert.True(chat.Find("button.send").HasAttribute("disabled"));
        await chat.Find("form.composer").SubmitAsync();
        Assert.Empty(Api.ChatRequests);

        await chat.InvokeAsync(held.SetResult);
        chat.WaitForAssertion(() => Assert.Contains("Slow answer.", chat.Find(".messages").TextContent, StringComparison.Ordinal));
        Assert.False(chat.Find("button.send").HasAttribute("disabled"));
        Assert.Equal("Too early?", chat.Find("textarea[aria-label=Message]").GetAttribute("value"));
        Assert.Equal(["first.pdf"], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent));
    }

    private async Task CompleteTurnAsync(IRenderedComponent<ChatPage> page, Guid conversation, string answer, IReadOnlyList<Guid> used)
    {
        await Api.ChatEvents.Writer.WriteAsync(ChatStreamEvent.Completed(Samples.Response(answer) with { ConversationId = conversation, DocumentIds = used }));
        Api.NextChat();
        WaitForTurnEnd(page, answer);
    }
}

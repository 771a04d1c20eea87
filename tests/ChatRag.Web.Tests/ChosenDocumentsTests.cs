using Bunit;
using ChatRag.Contracts.Chat;
using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

/// <summary>"Ask about these" on the documents page, the chips above the message box, and the Export button.</summary>
public sealed partial class ChosenDocumentsTests : WebTestContext
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();
    private static readonly Guid Third = Guid.NewGuid();

    public ChosenDocumentsTests()
    {
        Api.Documents.Add(Document(First, "first.pdf"));
        Api.Documents.Add(Document(Second, "second.docx"));
        Api.Documents.Add(Document(Third, "third.txt"));
    }

    [Fact]
    public async Task Ask_about_these_opens_a_new_chat_scoped_to_the_ticked_documents()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("documents");
        var documents = Render<DocumentsPage>();
        documents.WaitForAssertion(() => Assert.Equal(3, documents.FindAll(".document-select").Count));
        Assert.True(documents.Find(".ask-about button").HasAttribute("disabled"));

        documents.Find("input[aria-label='Select first.pdf']").Change(true);
        documents.Find("input[aria-label='Select second.docx']").Change(true);
        documents.Find(".ask-about button").Click();

        Assert.Equal(navigation.BaseUri, navigation.Uri);
        var chat = Render<ChatPage>();
        Assert.Equal(["first.pdf", "second.docx"], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent));

        await SendAsync(chat, "What do they say?");

        chat.WaitForAssertion(() => Assert.Equal([First, Second], Assert.Single(Api.ChatRequests).DocumentIds!));
    }

    [Fact]
    public async Task Removing_every_chip_returns_to_the_whole_collection()
    {
        Services.GetRequiredService<AppState>().AskAbout([new ChosenDocument(First, "first.pdf")]);
        var chat = Render<ChatPage>();

        chat.Find("button[aria-label='Remove first.pdf']").Click();
        await SendAsync(chat, "And the rest?");

        Assert.Empty(chat.FindAll(".chosen-documents"));
        chat.WaitForAssertion(() => Assert.Empty(Assert.Single(Api.ChatRequests).DocumentIds!));
    }

    [Fact]
    public void A_reopened_conversation_shows_its_stored_choice_and_can_be_exported()
    {
        var id = Guid.NewGuid();
        Api.Stored[id] = Samples.Conversation(id, "What does it say?", "It says this [1].", citations: [Samples.Citation(1)]) with { DocumentIds = [Second] };

        var chat = Render<ChatPage>(p => p.Add(c => c.ConversationId, id));
        chat.WaitForAssertion(() => Assert.Equal(["second.docx"], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent)));

        chat.Find("button.export").Click();
        chat.Find("button[aria-label='Export as JSON']").Click();

        Assert.Equal([$"export {id} md", $"export {id} json"], Files.Calls);
    }

    [Fact]
    public void A_reopened_conversation_shows_no_chip_for_a_document_deleted_since()
    {
        var id = Guid.NewGuid();
        Api.Stored[id] = Samples.Conversation(id) with { DocumentIds = [Guid.NewGuid(), Second] };

        var chat = Render<ChatPage>(p => p.Add(c => c.ConversationId, id));

        chat.WaitForAssertion(() => Assert.Equal(["second.docx"], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent)));
    }

    [Fact]
    public async Task A_chip_the_server_dropped_from_the_choice_leaves_the_composer()
    {
        Services.GetRequiredService<AppState>().AskAbout([new ChosenDocument(First, "first.pdf"), new ChosenDocument(Second, "second.docx")]);
        var chat = Render<ChatPage>();
        await SendAsync(chat, "What do they say?");

        // The server answered without the first document (deleted meanwhile) and says which ones the conversation keeps.
        await Api.ChatEvents.Writer.WriteAsync(ChatStreamEvent.Completed(Dropped(Samples.Response("Only the second."), [Second], [First])));

        chat.WaitForAssertion(() => Assert.Equal(["second.docx"], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent)));
    }

    [Fact]
    public async Task A_follow_up_with_the_stored_choice_names_no_documents_so_a_deleted_one_drops_out_instead_of_failing()
    {
        var conversation = Guid.NewGuid();
        Services.GetRequiredService<AppState>().AskAbout([new ChosenDocument(First, "first.pdf"), new ChosenDocument(Second, "second.docx")]);
        var chat = Render<ChatPage>();
        await SendAsync(chat, "What do they say?");
        await CompleteTurnAsync(chat, conversation, "Both say this.", [First, Second]);

        // Unchanged chips: the server applies the stored choice (and drops what was deleted); named again, a deleted
        // document would be a 404, as any unknown id a request names.
        await SendAsync(chat, "And then?");
        chat.WaitForAssertion(() => Assert.Equal(2, Api.ChatRequests.Count));
        Assert.Null(Api.ChatRequests[1].DocumentIds);
        await CompleteTurnAsync(chat, conversation, "Then this.", [First, Second]);

        // A removed chip is a new choice, sent as such.
        chat.Find("button[aria-label='Remove first.pdf']").Click();
        await SendAsync(chat, "Only the second?");
        chat.WaitForAssertion(() => Assert.Equal(3, Api.ChatRequests.Count));
        Assert.Equal([Second], Api.ChatRequests[2].DocumentIds!);
    }

    [Fact]
    public async Task A_chip_chosen_while_an_answer_streams_survives_that_answers_late_done_event()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var state = Services.GetRequiredService<AppState>();
        state.AskAbout([new ChosenDocument(First, "first.pdf")]);
        var chat = Render<ChatPage>();
        await SendAsync(chat, "What does it say?");
        chat.WaitForAssertion(() => Assert.Single(Api.ChatRequests));
        var before = navigation.Uri;
        var listed = state.ConversationsVersion;

        // "Ask about these" starts a new conversation about the second document while the first answer is still
        // streaming, and that answer's done event is already on its way (it names only the first document).
        await chat.InvokeAsync(() =>
        {
            Assert.True(Api.ChatEvents.Writer.TryWrite(ChatStreamEvent.Completed(Samples.Response("It says this.") with { DocumentIds = [First] })));
            state.AskAbout([new ChosenDocument(Second, "second.docx")]);
        });

        chat.WaitForAssertion(() => Assert.True(Api.ChatStreamsEnded > 0));
        chat.WaitForAssertion(() => Assert.Equal(["second.docx"], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent)));
        Assert.Equal(before, navigation.Uri);
        Assert.Empty(chat.FindAll("button.export"));

        // The left conversation was saved by the server: the sidebar lists it, though the page does not open it.
        chat.WaitForAssertion(() => Assert.True(state.ConversationsVersion > listed));
    }

    [Fact]
    public void A_new_conversation_has_no_chips_and_no_export()
    {
        var chat = Render<ChatPage>();

        Assert.Empty(chat.FindAll(".chosen-documents"));
        Assert.Empty(chat.FindAll("button.export"));
    }

    // The done event is shown and the turn is over (no Stop button), so the next message is sent, not ignored.
    private static void WaitForTurnEnd(IRenderedComponent<ChatPage> page, string answer) => page.WaitForAssertion(() =>
    {
        Assert.Contains(answer, page.Find(".messages").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("button.stop"));
    });

    private static ChatResponse Dropped(ChatResponse response, IReadOnlyList<Guid> kept, IReadOnlyList<Guid> dropped) =>
        response with { DocumentIds = kept, Trace = response.Trace with { DroppedDocumentIds = dropped } };

    private static DocumentDetails Document(Guid id, string name) =>
        new(id, name, "default", "ready", 3, null, new DocumentProgress(3, 3), 2048, "application/pdf", DateTime.UtcNow, null);
}

using Bunit;
using ChatRag.Web.Api;
using ChatRag.Web.Pages;

namespace ChatRag.Web.Tests;

/// <content>
/// The chips of a reopened conversation when the documents' names cannot be read: the stored choice must not be lost
/// (no chips would read as "the whole collection", and a chip changed from there would widen the choice for good).
/// </content>
public sealed partial class ChosenDocumentsTests
{
    [Fact]
    public async Task A_reopened_conversation_keeps_its_choice_when_the_document_names_cannot_be_read()
    {
        var id = Guid.NewGuid();
        Api.Stored[id] = Samples.Conversation(id, "What do they say?", "They say this.") with { DocumentIds = [First, Second] };
        Api.DocumentListFailure = new ApiException(new ApiProblem(503, "Service Unavailable", "The document list is unavailable."));

        var chat = Render<ChatPage>(p => p.Add(c => c.ConversationId, id));

        // The conversation still opens, with a chip per stored document (its id stands for its name), and says why.
        chat.WaitForAssertion(() => Assert.Contains("They say this.", chat.Find(".messages").TextContent, StringComparison.Ordinal));
        Assert.Equal([First.ToString(), Second.ToString()], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent));
        Assert.Contains("names", chat.Find(".error-banner").TextContent, StringComparison.Ordinal);

        // Unchanged chips: the follow-up keeps the stored choice.
        await SendAsync(chat, "And then?");
        chat.WaitForAssertion(() => Assert.Null(Assert.Single(Api.ChatRequests).DocumentIds));

        // Removing one chip narrows the choice to the other; it never widens it to the whole collection.
        await CompleteTurnAsync(chat, id, "Then this.", [First, Second]);
        chat.Find($"button[aria-label='Remove {First}']").Click();
        await SendAsync(chat, "Only the second?");
        chat.WaitForAssertion(() => Assert.Equal(2, Api.ChatRequests.Count));
        Assert.Equal([Second], Api.ChatRequests[1].DocumentIds!);
    }

    [Fact]
    public async Task Chips_shown_as_ids_get_their_names_after_the_next_turn_once_the_list_answers()
    {
        var id = Guid.NewGuid();
        Api.Stored[id] = Samples.Conversation(id) with { DocumentIds = [First, Second] };
        Api.DocumentListFailure = new ApiException("The server cannot be reached. Check that it is running and try again.");
        var chat = Render<ChatPage>(p => p.Add(c => c.ConversationId, id));
        chat.WaitForAssertion(() => Assert.Equal([First.ToString(), Second.ToString()], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent)));

        Api.DocumentListFailure = null;
        await SendAsync(chat, "What do they say?");
        await CompleteTurnAsync(chat, id, "They say this.", [First, Second]);

        chat.WaitForAssertion(() => Assert.Equal(["first.pdf", "second.docx"], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent)));
        Assert.Null(Assert.Single(Api.ChatRequests).DocumentIds);
    }
}

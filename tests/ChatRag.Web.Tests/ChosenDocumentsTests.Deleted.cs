using Bunit;
using ChatRag.Web.Api;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

/// <content>
/// Chips of documents deleted elsewhere: the turn that names them is refused with a 404 that names one of them, and
/// every chip whose document is gone goes at once, so the question sent again is not refused for the next one.
/// </content>
public sealed partial class ChosenDocumentsTests
{
    [Fact]
    public async Task A_chip_of_a_document_deleted_elsewhere_goes_on_the_404_and_the_question_stays()
    {
        var chat = await BothChosenThenSecondDeletedAsync();
        await SendAsync(chat, "Only the second?");

        chat.WaitForAssertion(() => Assert.Contains("second.docx", chat.Find(".error-banner").TextContent, StringComparison.Ordinal));
        Assert.Empty(chat.FindAll(".chosen-documents"));
        Assert.Equal("Only the second?", chat.Find("textarea[aria-label=Message]").GetAttribute("value"));
    }

    [Fact]
    public async Task A_404_that_arrives_after_the_user_typed_again_keeps_the_new_text_and_does_not_claim_the_question_is_back()
    {
        var chat = await BothChosenThenSecondDeletedAsync();
        Api.HeldChat = new TaskCompletionSource();
        await SendAsync(chat, "Only the second?");
        chat.WaitForAssertion(() => Assert.Equal(2, Api.ChatRequests.Count));
        chat.Find("textarea[aria-label=Message]").Input("Something else");
        await chat.InvokeAsync(Api.HeldChat.SetResult);

        chat.WaitForAssertion(() => Assert.Contains("second.docx", chat.Find(".error-banner").TextContent, StringComparison.Ordinal));
        var banner = chat.Find(".error-banner").TextContent;
        Assert.DoesNotContain("back in the message box", banner, StringComparison.Ordinal);
        Assert.Contains("no longer in this collection", banner, StringComparison.Ordinal);
        Assert.Equal("Something else", chat.Find("textarea[aria-label=Message]").GetAttribute("value"));
    }

    [Fact]
    public async Task Two_chips_of_documents_deleted_elsewhere_both_go_on_the_one_404_that_names_the_first()
    {
        Services.GetRequiredService<AppState>().AskAbout([new ChosenDocument(First, "first.pdf"), new ChosenDocument(Second, "second.docx")]);
        var chat = Render<ChatPage>();
        Api.Documents.RemoveAll(d => d.Id == First || d.Id == Second);
        Api.ChatFailure = new ApiException(new ApiProblem(404, "Unknown document", $"Document '{First}' does not exist in collection 'default'."));

        await SendAsync(chat, "What do they say?");

        chat.WaitForAssertion(() => Assert.Contains("second.docx", chat.Find(".error-banner").TextContent, StringComparison.Ordinal));
        var banner = chat.Find(".error-banner").TextContent;
        Assert.Contains("first.pdf, second.docx are no longer in this collection (deleted, or chosen in another one)", banner, StringComparison.Ordinal);
        Assert.Contains("the whole collection", banner, StringComparison.Ordinal);
        Assert.Empty(chat.FindAll(".chosen-documents"));
        Assert.Equal("What do they say?", chat.Find("textarea[aria-label=Message]").GetAttribute("value"));
        Assert.Single(Api.ChatRequests);

        // Sent again, the question asks the whole collection and is answered, not refused for the second document.
        Api.ChatFailure = null;
        await SendAsync(chat, "What do they say?");
        chat.WaitForAssertion(() => Assert.Equal(2, Api.ChatRequests.Count));
        Assert.Empty(Api.ChatRequests[1].DocumentIds!);
    }

    [Fact]
    public async Task A_chip_404_drops_only_the_named_chip_when_the_document_list_cannot_be_read_again()
    {
        Services.GetRequiredService<AppState>().AskAbout([new ChosenDocument(First, "first.pdf"), new ChosenDocument(Second, "second.docx")]);
        var chat = Render<ChatPage>();
        Api.Documents.RemoveAll(d => d.Id == First || d.Id == Second);
        Api.ChatFailure = new ApiException(new ApiProblem(404, "Unknown document", $"Document '{First}' does not exist in collection 'default'."));
        Api.DocumentListFailure = new ApiException("The server cannot be reached. Check that it is running and try again.");

        await SendAsync(chat, "What do they say?");

        chat.WaitForAssertion(() => Assert.Contains("first.pdf is no longer in this collection", chat.Find(".error-banner").TextContent, StringComparison.Ordinal));
        Assert.Equal(["second.docx"], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent));
    }

    [Fact]
    public async Task A_chip_404_says_which_document_it_was_although_the_user_removed_its_chip_while_the_list_was_read_again()
    {
        Services.GetRequiredService<AppState>().AskAbout([new ChosenDocument(First, "first.pdf"), new ChosenDocument(Second, "second.docx")]);
        var chat = Render<ChatPage>();
        Api.Documents.RemoveAll(d => d.Id == First);
        Api.ChatFailure = new ApiException(new ApiProblem(404, "Unknown document", $"Document '{First}' does not exist in collection 'default'."));
        var held = new TaskCompletionSource();
        Api.HeldDocumentList = held;
        await SendAsync(chat, "What do they say?");
        chat.WaitForAssertion(() => Assert.Single(Api.ChatRequests));

        // While the list is read again, the user removes that chip and types on; no other chip is gone.
        chat.Find("button[aria-label='Remove first.pdf']").Click();
        chat.Find("textarea[aria-label=Message]").Input("Only the second then?");
        await chat.InvokeAsync(held.SetResult);

        chat.WaitForAssertion(() => Assert.NotEmpty(chat.FindAll(".error-banner")));
        var banner = chat.Find(".error-banner").TextContent;
        Assert.Contains("first.pdf is no longer in this collection (deleted, or chosen in another one)", banner, StringComparison.Ordinal);
        Assert.Contains("Send your question again to ask the documents still chosen.", banner, StringComparison.Ordinal);
        Assert.DoesNotContain(First.ToString(), banner, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["second.docx"], chat.FindAll(".chosen-documents .chip-name").Select(c => c.TextContent));
        Assert.Equal("Only the second then?", chat.Find("textarea[aria-label=Message]").GetAttribute("value"));
    }

    // Both documents chosen and answered once; then the second is deleted in another tab and the user removes the first
    // chip, so the next turn names the second and the server refuses it.
    private async Task<IRenderedComponent<ChatPage>> BothChosenThenSecondDeletedAsync()
    {
        Services.GetRequiredService<AppState>().AskAbout([new ChosenDocument(First, "first.pdf"), new ChosenDocument(Second, "second.docx")]);
        var chat = Render<ChatPage>();
        await SendAsync(chat, "What do they say?");
        await CompleteTurnAsync(chat, Guid.NewGuid(), "Both say this.", [First, Second]);
        chat.Find("button[aria-label='Remove first.pdf']").Click();
        Api.Failure = new ApiException(new ApiProblem(404, "Unknown document", $"Document '{Second}' does not exist in collection 'default'."));
        return chat;
    }
}

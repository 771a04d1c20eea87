using Bunit;
using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;
using ChatRag.Web.Components;
using ChatRag.Web.Pages;

namespace ChatRag.Web.Tests;

/// <summary>
/// A request that answers after its page (or the chat page's upload panel) was left: what runs after it reads the
/// component's cancellation token again, and must not fail because the component is gone (an exception that reaches the
/// renderer shows Blazor's unhandled-error bar).
/// </summary>
public sealed class LeftPageTests : WebTestContext
{
    [Fact]
    public async Task A_re_index_that_answers_after_the_documents_page_was_left_raises_no_error()
    {
        Api.SetDocument(new DocumentDetails(Guid.NewGuid(), "notes.txt", "default", "ready", 1, null, new DocumentProgress(1, 1), 10, "text/plain", DateTime.UtcNow, null));
        var page = Render<DocumentsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".document-row")));

        // The re-index request is out (it cannot be cancelled) when the user goes to the chat page.
        var held = new TaskCompletionSource();
        Api.HeldReindex = held;
        page.Find("button[aria-label='Re-index notes.txt']").Click();
        await DisposeComponentsAsync();

        await Renderer.Dispatcher.InvokeAsync(held.SetResult);
        await Renderer.Dispatcher.InvokeAsync(() => { });

        Assert.False(Renderer.UnhandledException.IsCompleted);
    }

    [Fact]
    public async Task An_upload_that_answers_after_the_chat_page_was_left_finishes_without_an_error()
    {
        // A duplicate of a document this panel has not listed: its name is read, then the panel reads its list again.
        var older = Guid.NewGuid();
        Api.OnUpload = f => new UploadedDocument(older, f.Name, "duplicate");
        var uploads = Render<ChatUploads>();
        var held = new TaskCompletionSource();
        Api.HeldUpload = held;
        Task upload = Task.CompletedTask;
        await uploads.InvokeAsync(() => { upload = uploads.Instance.UploadAsync([new UploadFile("copy.md", "text/markdown", 1, () => new MemoryStream([1]))]); });

        // The server has taken the file when the user leaves; its answer arrives after.
        await DisposeComponentsAsync();
        await Renderer.Dispatcher.InvokeAsync(held.SetResult);

        Assert.Null(await Record.ExceptionAsync(() => upload));
    }
}

using Bunit;
using ChatRag.Contracts.Collections;
using ChatRag.Contracts.Documents;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

/// <summary>An empty collection greets a newcomer with what ChatRag does and a drop zone; the first upload hands over to the chat.</summary>
public sealed class FirstRunTests : WebTestContext
{
    private readonly SemaphoreSlim poll = new(0);

    [Fact]
    public async Task An_empty_collection_shows_the_first_run_view_and_the_first_upload_hands_over_to_the_chat()
    {
        Api.Collections[0] = Api.Collections[0] with { Documents = 0 };
        await Services.GetRequiredService<AppState>().LoadAsync();
        var id = Guid.NewGuid();
        Api.OnUpload = f =>
        {
            Api.SetDocument(new DocumentDetails(id, f.Name, "default", "queued", 0, null, new DocumentProgress(0, 0), 5, "text/markdown", DateTime.UtcNow, null));
            Api.Collections[0] = Api.Collections[0] with { Documents = 1 };
            return new UploadedDocument(id, f.Name, "queued");
        };
        var chat = Render<ChatPage>();

        Assert.Contains("Chat with your documents", chat.Find(".first-run h2").TextContent, StringComparison.Ordinal);
        Assert.NotNull(chat.Find(".drop-zone input[type=file][aria-label='Upload documents']"));
        Assert.Empty(chat.FindAll(".empty"));

        var input = chat.FindComponent<InputFile>();
        input.UploadFiles(InputFileContent.CreateFromText("Beans in March.", "garden.md"));

        chat.WaitForAssertion(() => Assert.Empty(chat.FindAll(".first-run")));
        Assert.NotNull(chat.Find(".upload.compact .attach input[aria-label='Upload documents']"));
        Assert.Same(input.Instance, chat.FindComponent<InputFile>().Instance); // the same input: files still being read are not lost
        Assert.Equal("garden.md", chat.Find(".upload-item .file-name").TextContent);
        Assert.NotNull(chat.Find("textarea[aria-label=Message]"));
    }

    [Fact]
    public async Task A_collection_with_documents_shows_the_chat_with_an_attach_control()
    {
        Api.Collections.Add(new CollectionItem("empty", "empty", null, 0, DateTimeOffset.UnixEpoch));
        await Services.GetRequiredService<AppState>().LoadAsync();

        var chat = Render<ChatPage>();

        Assert.Empty(chat.FindAll(".first-run"));
        Assert.Contains("Ask a question about the documents in", chat.Find(".empty").TextContent, StringComparison.Ordinal);
        Assert.Single(chat.FindAll("input[type=file][aria-label='Upload documents']"));
    }
}

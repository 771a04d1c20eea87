using Bunit;
using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;
using ChatRag.Web.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace ChatRag.Web.Tests;

public sealed class UploadQueueTests : WebTestContext
{
    // Each poll waits for the test to release it, so the states can be observed one by one without timing.
    private readonly SemaphoreSlim poll = new(0);

    [Fact]
    public void A_file_goes_from_queued_through_processing_to_ready()
    {
        var id = Guid.NewGuid();
        Api.OnUpload = f => new UploadedDocument(id, f.Name, "queued");
        Api.StatusScript[id] = new([Document(id, "processing", null, 3, 10), Document(id, "ready", null, 10, 10)]);
        var changes = 0;
        var queue = RenderQueue(() => changes++);

        queue.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("hello world", "notes.txt"));

        queue.WaitForAssertion(() => Assert.Equal("queued", Status(queue)));
        Assert.Equal("notes.txt", queue.Find(".upload-item .file-name").TextContent);
        Assert.Equal(["hello world"], Api.Uploaded);

        poll.Release();
        queue.WaitForAssertion(() => Assert.Equal("processing", Status(queue)));
        Assert.Equal("3", queue.Find("progress").GetAttribute("value"));

        poll.Release();
        queue.WaitForAssertion(() => Assert.Equal("ready", Status(queue)));
        Assert.True(changes >= 3);
    }

    [Fact]
    public void A_failed_document_shows_the_reason()
    {
        var id = Guid.NewGuid();
        Api.OnUpload = f => new UploadedDocument(id, f.Name, "queued");
        Api.StatusScript[id] = new([Document(id, "failed", "No text could be extracted from the PDF.", 0, 0)]);
        var queue = RenderQueue();

        queue.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("%PDF-", "scan.pdf"));
        poll.Release();

        queue.WaitForAssertion(() => Assert.Equal("failed", Status(queue)));
        Assert.Equal("No text could be extracted from the PDF.", queue.Find(".upload-item .error-detail").TextContent);
    }

    [Fact]
    public void Several_files_each_get_their_own_row_and_a_refused_one_says_why()
    {
        var good = Guid.NewGuid();
        Api.OnUpload = f => f.Name == "movie.mp4"
            ? throw new ApiException(new ApiProblem(415, "Unsupported file type", "movie.mp4 is not a supported document type."))
            : new UploadedDocument(good, f.Name, "queued");
        Api.StatusScript[good] = new([Document(good, "ready", null, 1, 1)]);
        var queue = RenderQueue();

        queue.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText("a", "a.md"), InputFileContent.CreateFromText("b", "movie.mp4"));
        poll.Release();

        queue.WaitForAssertion(() => Assert.Equal(["ready", "failed"], queue.FindAll(".upload-item .status").Select(s => s.TextContent)));
        Assert.Contains("movie.mp4 is not a supported document type.", queue.Find(".upload-item.failed .error-detail").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_input_is_labelled_and_takes_several_files()
    {
        var queue = RenderQueue();

        var input = queue.Find("input[type=file]");
        Assert.Equal("Upload documents", input.GetAttribute("aria-label"));
        Assert.True(input.HasAttribute("multiple"));
    }

    private static string Status(IRenderedComponent<UploadQueue> queue) => queue.Find(".upload-item .status").TextContent;

    private static DocumentDetails Document(Guid id, string status, string? error, int done, int total) =>
        new(id, "notes.txt", "default", status, done, error, new DocumentProgress(done, total), 11, "text/plain", DateTime.UtcNow, null);

    private IRenderedComponent<UploadQueue> RenderQueue(Action? changed = null) => Render<UploadQueue>(p => p
        .Add(q => q.PollWait, ct => poll.WaitAsync(ct))
        .Add(q => q.OnChanged, () => changed?.Invoke()));
}

using AngleSharp.Dom;
using Bunit;
using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;
using ChatRag.Web.Pages;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

public sealed class UploadQueueTests : WebTestContext
{
    // Each poll waits for the test to release it, so the states can be observed one by one without timing.
    private readonly SemaphoreSlim poll = new(0);

    [Fact]
    public void A_file_goes_from_queued_through_processing_to_ready_and_both_rows_always_agree()
    {
        var id = Guid.NewGuid();
        Api.OnUpload = f =>
        {
            Api.SetDocument(Document(id, "queued", null, 0, 0));
            return new UploadedDocument(id, f.Name, "queued");
        };
        var page = RenderPage();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("hello world", "notes.txt"));

        page.WaitForAssertion(() => Assert.Equal(("queued", "queued"), Statuses(page)));
        Assert.Equal("notes.txt", page.Find(".upload-item .file-name").TextContent);
        Assert.Equal(["hello world"], Api.Uploaded);

        Api.SetDocument(Document(id, "processing", null, 3, 10));
        poll.Release();
        page.WaitForAssertion(() => Assert.Equal(("processing", "processing"), Statuses(page)));
        Assert.All(page.FindAll("progress"), p => Assert.Equal("3", p.GetAttribute("value")));

        Api.SetDocument(Document(id, "ready", null, 10, 10));
        poll.Release();
        page.WaitForAssertion(() => Assert.Equal(("ready", "ready"), Statuses(page)));
    }

    [Fact]
    public void A_scan_shows_its_ocr_pages_moving_in_both_places_then_the_embedding()
    {
        var id = Guid.NewGuid();
        Api.OnUpload = f =>
        {
            Api.SetDocument(Document(id, "queued", null, 0, 0));
            return new UploadedDocument(id, f.Name, "queued");
        };
        var page = RenderPage();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("%PDF-", "notes.txt"));
        page.WaitForAssertion(() => Assert.Equal(("queued", "queued"), Statuses(page)));

        Api.SetDocument(Document(id, "processing", null, 2, 200) with { Progress = new DocumentProgress(2, 200, "ocr") });
        poll.Release();
        page.WaitForAssertion(() => Assert.Equal(["OCR: page 2 of 200", "OCR: page 2 of 200"], Stages(page)));
        Assert.All(page.FindAll("progress"), p => Assert.Equal(("2", "200"), (p.GetAttribute("value"), p.GetAttribute("max"))));

        Api.SetDocument(Document(id, "processing", null, 3, 200) with { Progress = new DocumentProgress(3, 200, "ocr") });
        poll.Release();
        page.WaitForAssertion(() => Assert.Equal(["OCR: page 3 of 200", "OCR: page 3 of 200"], Stages(page)));

        Api.SetDocument(Document(id, "processing", null, 40, 90) with { Progress = new DocumentProgress(40, 90, "embed") });
        poll.Release();
        page.WaitForAssertion(() => Assert.Equal(["Embedding: 40 of 90 chunks", "Embedding: 40 of 90 chunks"], Stages(page)));
    }

    [Fact]
    public void A_failed_document_shows_the_reason_in_both_places()
    {
        var id = Guid.NewGuid();
        Api.OnUpload = f =>
        {
            Api.SetDocument(Document(id, "queued", null, 0, 0));
            return new UploadedDocument(id, f.Name, "queued");
        };
        var page = RenderPage();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("%PDF-", "scan.pdf"));
        page.WaitForAssertion(() => Assert.Equal(("queued", "queued"), Statuses(page)));
        Api.SetDocument(Document(id, "failed", "No text could be extracted from the PDF.", 0, 0));
        poll.Release();

        page.WaitForAssertion(() => Assert.Equal(("failed", "failed"), Statuses(page)));
        Assert.Equal("No text could be extracted from the PDF.", page.Find(".upload-item .error-detail").TextContent);
        Assert.Equal("No text could be extracted from the PDF.", page.Find(".document-row .error-detail").TextContent);
    }

    [Fact]
    public void Several_files_each_get_their_own_row_and_a_refused_one_says_why()
    {
        var good = Guid.NewGuid();
        Api.OnUpload = f =>
        {
            if (f.Name == "movie.mp4")
            {
                throw new ApiException(new ApiProblem(415, "Unsupported file type", "movie.mp4 is not a supported document type."));
            }

            Api.SetDocument(Document(good, "ready", null, 1, 1));
            return new UploadedDocument(good, f.Name, "queued");
        };
        var page = RenderPage();

        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText("a", "a.md"), InputFileContent.CreateFromText("b", "movie.mp4"));

        page.WaitForAssertion(() => Assert.Equal(["ready", "failed"], page.FindAll(".upload-item .status").Select(s => s.TextContent)));
        Assert.Contains("movie.mp4 is not a supported document type.", page.Find(".upload-item.failed .error-detail").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_keeps_saying_so_although_its_id_is_the_older_document()
    {
        var older = Guid.NewGuid();
        Api.SetDocument(Document(older, "ready", null, 1, 1));
        Api.OnUpload = f => new UploadedDocument(older, f.Name, "duplicate");
        var page = RenderPage();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("a", "again.txt"), InputFileContent.CreateFromText("b", "other.txt"));

        page.WaitForAssertion(() => Assert.Equal(["Already uploaded as notes.txt", "Already uploaded as notes.txt"], page.FindAll(".upload-item .status").Select(s => s.TextContent)));
        Assert.All(page.FindAll(".upload-item .status a"), a => Assert.Equal("documents", a.GetAttribute("href")));
    }

    [Fact]
    public void A_single_duplicate_refused_with_409_names_the_existing_document_instead_of_failing()
    {
        var older = Guid.NewGuid();
        Api.SetDocument(Document(older, "ready", null, 1, 1) with { Name = "garden-notes.md" });
        Api.OnUpload = _ => throw new ApiException(new ApiProblem(409, "Duplicate content", $"The collection 'default' already holds the same content as document {older}.") { ExistingId = older });
        var page = RenderPage();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("a", "copy.md"));

        page.WaitForAssertion(() => Assert.Equal("Already uploaded as garden-notes.md", page.Find(".upload-item .status").TextContent));
        Assert.DoesNotContain(older.ToString(), page.Find(".upload-queue").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.FindAll(".upload-item.failed"));
    }

    [Fact]
    public async Task The_drop_zone_says_the_accepted_types_and_the_size_limit_the_server_reports()
    {
        Api.Status = Api.Status with { Uploads = new ChatRag.Contracts.Health.UploadPolicy(32L * 1024 * 1024, 100L * 1024 * 1024, [".pdf", ".md"], ["PDF", "Markdown"]) };
        await Services.GetRequiredService<ChatRag.Web.State.AppState>().LoadAsync();

        var page = RenderPage();

        Assert.Equal("PDF, Markdown · up to 32 MB per file", page.Find(".drop-types").TextContent);
        Assert.Equal(".pdf,.md", page.Find("input[type=file]").GetAttribute("accept"));
    }

    [Fact]
    public void The_file_input_is_labelled_and_takes_several_files()
    {
        var page = RenderPage();

        var input = page.Find("input[type=file]");
        Assert.Equal("Upload documents", input.GetAttribute("aria-label"));
        Assert.True(input.HasAttribute("multiple"));
    }

    [Fact]
    public void The_attach_button_draws_its_icon_without_relying_on_an_emoji_font()
    {
        var attach = Render<ChatRag.Web.Components.UploadQueue>(p => p.Add(q => q.Compact, true));

        var label = attach.Find(".attach label");
        // An emoji (📎) is drawn as an empty box on machines without an emoji font, as the Chromium screenshots showed.
        Assert.DoesNotContain(label.TextContent.EnumerateRunes(), r => r.Value > 0x2000);
        Assert.NotNull(label.QuerySelector("svg[aria-hidden=true]"));
        Assert.Equal("Upload documents", attach.Find("input[type=file]").GetAttribute("aria-label"));
    }

    private static (string Upload, string Row) Statuses(IRenderedComponent<DocumentsPage> page) =>
        (Text(page.Find(".upload-item .status")), Text(page.Find(".document-row .status")));

    private static string[] Stages(IRenderedComponent<DocumentsPage> page) =>
        [.. page.FindAll(".upload-item .progress-stage, .document-row .progress-stage").Select(Text)];

    private static string Text(IElement element) => element.TextContent.Trim();

    private static DocumentDetails Document(Guid id, string status, string? error, int done, int total) =>
        new(id, "notes.txt", "default", status, done, error, new DocumentProgress(done, total), 11, "text/plain", DateTime.UtcNow, null);

    private IRenderedComponent<DocumentsPage> RenderPage() => Render<DocumentsPage>(p => p.Add(d => d.PollWait, ct => poll.WaitAsync(ct)));
}

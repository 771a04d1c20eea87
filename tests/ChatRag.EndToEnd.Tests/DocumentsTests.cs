using System.Text;
using ChatRag.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests;

/// <summary>Uploading through the browser: the file goes through the real pipeline and its row reaches a final status.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class DocumentsTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [BrowserFact]
    public Task Uploaded_markdown_file_becomes_ready_in_the_documents_list() => WithPageAsync(async page =>
    {
        var document = SeedDocument.Orchard;
        await page.GetByLabel("Upload documents").SetInputFilesAsync(new FilePayload
        {
            Name = document.Name,
            MimeType = "text/markdown",
            Buffer = Encoding.UTF8.GetBytes(document.Content),
        });

        var row = page.GetByRole(AriaRole.Region, new() { Name = "Documents" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = document.Name });
        await Expect(row).ToContainTextAsync("ready", new() { Timeout = 90_000 });
        await Expect(row).ToContainTextAsync("chunk");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Upload progress" })).ToContainTextAsync(document.Name);
        if (Screenshots.Enabled)
        {
            await CaptureUploadProgressAsync(page);
        }
    }, path: "documents");

    // Only for the README picture: a document long enough that its progress bar is on screen for a while.
    private static async Task CaptureUploadProgressAsync(IPage page)
    {
        var paragraphs = Enumerable.Range(1, 80).Select(i =>
            $"## Ledger entry {i}\n\n" + string.Join(' ', Enumerable.Repeat($"Row {i} of the orchard ledger lists the quince, pear and medlar trees planted that season, their rootstock and the yield.", 6)));
        await page.GetByLabel("Upload documents").SetInputFilesAsync(new FilePayload
        {
            Name = "orchard-ledger.md",
            MimeType = "text/markdown",
            Buffer = Encoding.UTF8.GetBytes(string.Join("\n\n", paragraphs)),
        });
        try
        {
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('progress')].some(p => p.value > 0)", null, new() { Timeout = 20_000 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // Ingestion outran the poll; the picture then shows the finished rows, which is still true.
        }

        await Screenshots.SaveAsync(page, "documents");
    }

    [BrowserFact]
    public Task Empty_file_is_refused_with_a_readable_reason() => WithPageAsync(async page =>
    {
        await page.GetByLabel("Upload documents").SetInputFilesAsync(new FilePayload
        {
            Name = "empty-notes.txt",
            MimeType = "text/plain",
            Buffer = [],
        });

        var item = page.GetByRole(AriaRole.List, new() { Name = "Upload progress" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "empty-notes.txt" });
        await Expect(item).ToContainTextAsync("failed");
        // The server's problem details reach the user as words, not as a status code or a stack trace.
        await Expect(item).ToContainTextAsync("empty");
        await Expect(item).Not.ToContainTextAsync("Exception");
    }, path: "documents");

    [BrowserFact]
    public Task Documents_page_exposes_the_contract_names() => WithPageAsync(async page =>
    {
        await Expect(page.GetByLabel("Upload documents")).ToBeAttachedAsync();
        var documents = page.GetByRole(AriaRole.Region, new() { Name = "Documents" });
        await Expect(documents).ToBeVisibleAsync();
        // The seed document was uploaded through the API before any test ran.
        await Expect(documents.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Fixture.Seed.Name })).ToContainTextAsync("ready");
    }, path: "documents");
}

using Bunit;
using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;
using ChatRag.Web.Components;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using ChatRag.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

/// <summary>
/// The server lists documents a page at a time; the documents page follows <c>X-Next-Cursor</c> and shows them all, and
/// while something processes it (and the chat page's upload panel) asks only about what is still processing instead of
/// reading every page again.
/// </summary>
public sealed class DocumentPagingTests : WebTestContext
{
    // Each poll waits for the test to release it, so every tick's requests can be counted without timing.
    private readonly SemaphoreSlim poll = new(0);

    [Fact]
    public void The_documents_page_follows_the_cursors_and_shows_every_document()
    {
        var handler = new PagingHandler([.. Enumerable.Range(0, 7).Select(i => Doc($"doc{i}.txt"))], pageSize: 3);
        Services.AddSingleton<IChatRagApi>(new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage()));

        var page = Render<DocumentsPage>();

        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll(".document-name").Count));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"doc{i}.txt"), page.FindAll(".document-name").Select(e => e.TextContent));
        Assert.Equal([null, "c3", "c6"], handler.Cursors);
        Assert.All(handler.Queries, q => Assert.Contains("collection=default", q, StringComparison.Ordinal));
    }

    [Fact]
    public void While_a_document_processes_each_tick_asks_about_that_document_only()
    {
        var documents = Enumerable.Range(0, 7).Select(i => Doc($"doc{i}.txt")).ToList();
        var processing = documents[5] = documents[5] with { Status = "processing", Progress = new DocumentProgress(1, 10) };
        var handler = new PagingHandler(documents, pageSize: 3);
        Services.AddSingleton<IChatRagApi>(new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage()));
        var page = Render<DocumentsPage>(p => p.Add(d => d.PollWait, ct => poll.WaitAsync(ct)));
        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll(".document-name").Count));
        Assert.Equal(3, handler.Queries.Count);

        // Two ticks: progress, then ready. The list has three pages; each tick reads the one processing document.
        handler.Set(processing with { Progress = new DocumentProgress(6, 10) });
        handler.Queries.Clear();
        poll.Release();
        page.WaitForAssertion(() => Assert.Equal("6", page.Find("li.document-row.processing progress").GetAttribute("value")));
        handler.Set(processing with { Status = "ready", Progress = new DocumentProgress(10, 10) });
        poll.Release();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("li.document-row.processing")));

        Assert.Equal([$"/api/v1/documents/{processing.Id}", $"/api/v1/documents/{processing.Id}"], handler.Queries);
        Assert.Equal(7, page.FindAll(".document-name").Count);
    }

    [Fact]
    public void A_document_the_server_fails_on_does_not_stop_the_others_from_being_followed()
    {
        // The failing one is processing, so it is first in line on every tick; the queued one behind it must still move.
        var documents = Enumerable.Range(0, 4).Select(i => Doc($"doc{i}.txt")).ToList();
        var failing = documents[1] = documents[1] with { Status = "processing", Progress = new DocumentProgress(1, 10) };
        var queued = documents[2] = documents[2] with { Status = "queued", Progress = new DocumentProgress(0, 10) };
        var handler = new PagingHandler(documents, pageSize: 3);
        handler.Failing.Add(failing.Id);
        Services.AddSingleton<IChatRagApi>(new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage()));
        var page = Render<DocumentsPage>(p => p.Add(d => d.PollWait, ct => poll.WaitAsync(ct)));
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll(".document-name").Count));

        handler.Set(queued with { Status = "ready", Progress = new DocumentProgress(10, 10) });
        handler.Queries.Clear();

        // The failure ends the first tick (the server may be down); on the next, the failing document is asked last.
        poll.Release();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".error-banner")));
        Assert.Equal([$"/api/v1/documents/{failing.Id}"], handler.Queries);
        poll.Release();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("li.document-row.queued")));
        Assert.Single(page.FindAll("li.document-row.processing"));
        page.WaitForAssertion(() => Assert.Equal([$"/api/v1/documents/{failing.Id}", $"/api/v1/documents/{queued.Id}", $"/api/v1/documents/{failing.Id}"], handler.Queries));
    }

    [Fact]
    public async Task While_an_upload_from_the_chat_page_processes_each_tick_asks_about_that_document_only()
    {
        var documents = Enumerable.Range(0, 7).Select(i => Doc($"doc{i}.txt")).ToList();
        var processing = documents[5] = documents[5] with { Status = "processing", Progress = new DocumentProgress(1, 10) };
        var handler = new PagingHandler(documents, pageSize: 3) { Uploaded = new UploadedDocument(processing.Id, processing.Name, "queued") };
        Services.AddSingleton<IChatRagApi>(new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage()));
        var uploads = Render<ChatUploads>(p => p.Add(c => c.PollWait, ct => poll.WaitAsync(ct)));

        // The upload reads the whole list once (three pages) to find its document.
        await uploads.InvokeAsync(() => uploads.Instance.UploadAsync([new UploadFile(processing.Name, "text/plain", 5, () => new MemoryStream("hello"u8.ToArray()))]));
        uploads.WaitForAssertion(() => Assert.Equal("1", uploads.Find("li.upload-item.processing progress").GetAttribute("value")));
        Assert.Equal(["POST /api/v1/documents", "?collection=default", "?collection=default&cursor=c3", "?collection=default&cursor=c6"], handler.Queries);

        // Two ticks: progress, then ready; each reads the one processing document, not the three pages again.
        handler.Set(processing with { Progress = new DocumentProgress(6, 10) });
        handler.Queries.Clear();
        poll.Release();
        uploads.WaitForAssertion(() => Assert.Equal("6", uploads.Find("li.upload-item.processing progress").GetAttribute("value")));
        handler.Set(processing with { Status = "ready", Progress = new DocumentProgress(10, 10) });
        poll.Release();
        uploads.WaitForAssertion(() => Assert.Single(uploads.FindAll("li.upload-item.ready")));

        Assert.Equal([$"/api/v1/documents/{processing.Id}", $"/api/v1/documents/{processing.Id}"], handler.Queries);
    }

    [Fact]
    public async Task A_document_deleted_while_the_chat_page_follows_it_updates_the_collection_count()
    {
        var documents = Enumerable.Range(0, 7).Select(i => Doc($"doc{i}.txt")).ToList();
        var processing = documents[5] = documents[5] with { Status = "processing", Progress = new DocumentProgress(1, 10) };
        var handler = new PagingHandler(documents, pageSize: 3) { Uploaded = new UploadedDocument(processing.Id, processing.Name, "queued") };
        Services.AddSingleton<IChatRagApi>(new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage()));
        var state = Services.GetRequiredService<AppState>();
        var uploads = Render<ChatUploads>(p => p.Add(c => c.PollWait, ct => poll.WaitAsync(ct)));
        await uploads.InvokeAsync(state.RefreshCollectionsAsync);
        await uploads.InvokeAsync(() => uploads.Instance.UploadAsync([new UploadFile(processing.Name, "text/plain", 5, () => new MemoryStream("hello"u8.ToArray()))]));
        uploads.WaitForAssertion(() => Assert.Single(uploads.FindAll("li.upload-item.processing")));

        // Deleted elsewhere (the documents page, the CLI): the tick's 404 drops it and reads the collections again.
        handler.Remove(processing.Id);
        handler.Queries.Clear();
        poll.Release();
        uploads.WaitForAssertion(() => Assert.Equal(6, state.Current?.Documents));

        Assert.Equal([$"/api/v1/documents/{processing.Id}", "/api/v1/collections"], handler.Queries);
    }

    [Fact]
    public async Task A_server_that_repeats_a_cursor_does_not_make_the_client_loop()
    {
        var handler = new PagingHandler([Doc("a.txt"), Doc("b.txt")], pageSize: 1) { StuckCursor = "same" };
        var client = new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage());

        var documents = await client.ListDocumentsAsync("default");

        Assert.Equal(2, handler.Queries.Count);
        Assert.Equal(2, documents.Count);
    }

    private static DocumentDetails Doc(string name) =>
        new(Guid.NewGuid(), name, "default", "ready", 1, null, new DocumentProgress(1, 1), 10, "text/plain", DateTime.UtcNow, null);
}

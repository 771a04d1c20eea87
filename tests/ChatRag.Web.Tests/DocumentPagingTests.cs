using System.Net;
using System.Text;
using System.Text.Json;
using Bunit;
using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;
using ChatRag.Web.Pages;
using ChatRag.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

/// <summary>
/// The server lists documents a page at a time; the documents page follows <c>X-Next-Cursor</c> and shows them all, and
/// while something processes it asks only about what is still processing instead of reading every page again.
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

    /// <summary>
    /// Serves <c>GET api/v1/documents</c> in pages (the cursor is "c" + the index the next page starts at) and
    /// <c>GET api/v1/documents/{id}</c>; <see cref="Queries"/> records every request.
    /// </summary>
    private sealed class PagingHandler(List<DocumentDetails> documents, int pageSize) : HttpMessageHandler
    {
        public List<string?> Cursors { get; } = [];

        public List<string> Queries { get; } = [];

        public string? StuckCursor { get; init; }

        public void Set(DocumentDetails document)
        {
            lock (documents)
            {
                documents[documents.FindIndex(d => d.Id == document.Id)] = document;
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (documents)
            {
                return Task.FromResult(Answer(request.RequestUri!));
            }
        }

        private HttpResponseMessage Answer(Uri uri)
        {
            if (Guid.TryParse(uri.Segments[^1], out var id))
            {
                Queries.Add(uri.AbsolutePath);
                return Json(documents.Single(d => d.Id == id));
            }

            var query = uri.Query;
            Queries.Add(query);
            var cursor = query.Split(['?', '&']).FirstOrDefault(p => p.StartsWith("cursor=", StringComparison.Ordinal))?["cursor=".Length..];
            Cursors.Add(cursor);
            var start = StuckCursor is not null ? Math.Min(Queries.Count - 1, documents.Count - 1) : cursor is null ? 0 : int.Parse(cursor[1..], System.Globalization.CultureInfo.InvariantCulture);
            var page = documents.Skip(start).Take(pageSize).ToList();
            var response = Json(page);
            if (StuckCursor is not null)
            {
                response.Headers.Add("X-Next-Cursor", StuckCursor);
            }
            else if (start + pageSize < documents.Count)
            {
                response.Headers.Add("X-Next-Cursor", "c" + (start + pageSize));
            }

            return response;
        }

        private static HttpResponseMessage Json<T>(T body) => new(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)), Encoding.UTF8, "application/json"),
        };
    }
}

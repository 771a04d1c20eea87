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

/// <summary>The server lists documents a page at a time; the documents page follows <c>X-Next-Cursor</c> and shows them all.</summary>
public sealed class DocumentPagingTests : WebTestContext
{
    [Fact]
    public void The_documents_page_follows_the_cursors_and_shows_every_document()
    {
        var handler = new PagingHandler(Enumerable.Range(0, 7).Select(i => Doc($"doc{i}.txt")).ToList(), pageSize: 3);
        Services.AddSingleton<IChatRagApi>(new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage()));

        var page = Render<DocumentsPage>();

        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll(".document-name").Count));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"doc{i}.txt"), page.FindAll(".document-name").Select(e => e.TextContent));
        Assert.Equal([null, "c3", "c6"], handler.Cursors);
        Assert.All(handler.Queries, q => Assert.Contains("collection=default", q, StringComparison.Ordinal));
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

    /// <summary>Serves <c>GET api/v1/documents</c> in pages; the cursor is "c" + the index the next page starts at.</summary>
    private sealed class PagingHandler(IReadOnlyList<DocumentDetails> documents, int pageSize) : HttpMessageHandler
    {
        public List<string?> Cursors { get; } = [];

        public List<string> Queries { get; } = [];

        public string? StuckCursor { get; init; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var query = request.RequestUri!.Query;
            Queries.Add(query);
            var cursor = query.Split(['?', '&']).FirstOrDefault(p => p.StartsWith("cursor=", StringComparison.Ordinal))?["cursor=".Length..];
            Cursors.Add(cursor);
            var start = StuckCursor is not null ? Math.Min(Queries.Count - 1, documents.Count - 1) : cursor is null ? 0 : int.Parse(cursor[1..], System.Globalization.CultureInfo.InvariantCulture);
            var page = documents.Skip(start).Take(pageSize).ToList();
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(JsonSerializer.Serialize(page, new JsonSerializerOptions(JsonSerializerDefaults.Web)), Encoding.UTF8, "application/json"),
            };
            if (StuckCursor is not null)
            {
                response.Headers.Add("X-Next-Cursor", StuckCursor);
            }
            else if (start + pageSize < documents.Count)
            {
                response.Headers.Add("X-Next-Cursor", "c" + (start + pageSize));
            }

            return Task.FromResult(response);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using ChatRag.Contracts.Documents;
using ChatRag.Core.Documents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>
/// <c>GET /api/v1/documents</c> answers a page at a time: the body stays the contract's JSON array, the next page's
/// cursor comes in <c>X-Next-Cursor</c>, and walking the cursors returns every document exactly once, even while
/// documents are being added.
/// </summary>
public sealed class DocumentsListingTests : IAsyncLifetime
{
    private const int DefaultPageSize = 5;
    private const int MaxPageSize = 50;
    private readonly ChatRagServerFactory root = new();
    private WebApplicationFactory<ServerMarker> factory = null!;

    public Task InitializeAsync()
    {
        factory = root.WithWebHostBuilder(b => b
            .UseSetting("ChatRag:Limits:DocumentsPageSize", DefaultPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("ChatRag:Limits:MaxDocumentsPageSize", MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _ = factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await root.DisposeAsync();
    }

    [Fact]
    public async Task Walking_the_cursors_returns_every_document_once_while_documents_are_added()
    {
        var existing = new HashSet<Guid>();
        for (var i = 0; i < 23; i++)
        {
            existing.Add(await AddAsync("paged", $"doc{i}.txt"));
        }

        await AddAsync("elsewhere", "other.txt");
        using var client = factory.CreateClient();

        var seen = new List<DocumentDetails>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var url = "/api/v1/documents?collection=paged&limit=7" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.Content.ReadFromJsonAsync<List<DocumentDetails>>())!;
            Assert.InRange(page.Count, 1, 7);
            seen.AddRange(page);
            cursor = response.Headers.TryGetValues("X-Next-Cursor", out var values) ? values.Single() : null;
            if (cursor is not null)
            {
                Assert.Contains("rel=\"next\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
            }

            // New documents arrive between pages; they sort before the cursor, so they neither repeat nor push others out.
            await AddAsync("paged", $"new{pages}.txt");
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(4, pages);
        Assert.Equal(seen.Count, seen.Select(d => d.Id).Distinct().Count());
        Assert.Equal(existing.OrderBy(id => id), seen.Select(d => d.Id).OrderBy(id => id));
        Assert.All(seen, d => Assert.Equal("paged", d.Collection));
        Assert.Equal(seen.OrderByDescending(d => d.CreatedAt).Select(d => d.Id), seen.Select(d => d.Id));
    }

    [Fact]
    public async Task Without_a_limit_a_page_has_the_default_size_and_names_the_next()
    {
        for (var i = 0; i < DefaultPageSize + 2; i++)
        {
            await AddAsync("defaults", $"d{i}.txt");
        }

        using var client = factory.CreateClient();
        using var first = await client.GetAsync("/api/v1/documents?collection=defaults");
        var firstPage = (await first.Content.ReadFromJsonAsync<List<DocumentDetails>>())!;
        var next = first.Headers.GetValues("X-Next-Cursor").Single();
        using var second = await client.GetAsync($"/api/v1/documents?collection=defaults&cursor={Uri.EscapeDataString(next)}");

        Assert.Equal(DefaultPageSize, firstPage.Count);
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<List<DocumentDetails>>())!.Count);
        Assert.False(second.Headers.Contains("X-Next-Cursor"));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=-3")]
    [InlineData("limit=abc")]
    [InlineData("limit=51")]
    [InlineData("limit=99999999999")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("cursor=MTIzOmFiYw")]
    public async Task A_bad_limit_or_cursor_is_a_400_problem(string query)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/documents?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<Guid> AddAsync(string collection, string name)
    {
        // Straight into the catalogue: listing needs rows, not vectors.
        var documents = factory.Services.GetRequiredService<IDocumentRepository>();
        var id = Guid.NewGuid();
        await documents.EnsureCollectionAsync(collection);
        await documents.AddDocumentAsync(new NewDocument(id, name, collection, id.ToString("N")), [new NewChunk(0, "Text of " + name, Page: 1, EndOffset: 8)]);
        return id;
    }
}

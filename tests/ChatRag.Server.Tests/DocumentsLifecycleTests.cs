using System.Net;
using System.Net.Http.Json;
using ChatRag.Contracts.Documents;
using ChatRag.Contracts.Search;

namespace ChatRag.Server.Tests;

public sealed class DocumentsLifecycleTests(DocumentsFixture fixture) : IClassFixture<DocumentsFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    [Fact]
    public async Task Delete_removes_the_document_its_chunks_vectors_and_file()
    {
        var id = (await DocumentsApi.UploadOkAsync(client, "delete", ("okapi.txt", DocumentsApi.Text("The okapi is a giraffid native to the Congo rainforest."))))[0].Id;
        Assert.Equal("ready", (await DocumentsApi.WaitAsync(client, id)).Status);
        Assert.Single(Directory.GetFiles(fixture.UploadsDirectory), f => File.ReadAllText(f).Contains("okapi", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/documents/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/documents/{id}")).StatusCode);
        Assert.DoesNotContain(Directory.GetFiles(fixture.UploadsDirectory), f => File.ReadAllText(f).Contains("okapi", StringComparison.Ordinal));
        foreach (var mode in new[] { "lexical", "dense" })
        {
            var search = await client.PostAsJsonAsync("/api/v1/search", new { query = "okapi giraffid Congo", collection = "delete", mode });
            var results = search.IsSuccessStatusCode ? (await search.Content.ReadFromJsonAsync<SearchResults>())!.Results : [];
            Assert.DoesNotContain(results, r => r.DocumentId == id);
        }
    }

    [Fact]
    public async Task Reindex_runs_the_pipeline_again_without_duplicating_chunks()
    {
        var id = (await DocumentsApi.UploadOkAsync(client, "reindex", ("tides.txt", DocumentsApi.Text("Tides are caused by the gravity of the Moon and the Sun.\n\nSpring tides happen at full and new moon."))))[0].Id;
        var first = await DocumentsApi.WaitAsync(client, id);

        var response = await client.PostAsync($"/api/v1/documents/{id}/reindex", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var again = await DocumentsApi.WaitAsync(client, id);

        Assert.Equal("ready", again.Status);
        Assert.Equal(first.Chunks, again.Chunks);
        Assert.Equal(first.CreatedAt, again.CreatedAt);
        var search = await client.PostAsJsonAsync("/api/v1/search", new { query = "tides moon", collection = "reindex", top = 50, mode = "dense" });
        var results = (await search.Content.ReadFromJsonAsync<SearchResults>())!.Results;
        Assert.Equal(first.Chunks, results.Count);
        Assert.Equal(results.Count, results.Select(r => r.ChunkId).Distinct().Count());

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/documents/{Guid.NewGuid()}/reindex", null)).StatusCode);
    }

    [Fact]
    public async Task Original_file_comes_back_as_an_attachment_with_its_sanitised_name()
    {
        var bytes = DocumentsEndpointTests.Pdf("Original bytes, served back.");
        var uploaded = (await DocumentsApi.UploadOkAsync(client, "download", ("report \"final\".pdf", bytes)))[0];

        var response = await client.GetAsync($"/api/v1/documents/{uploaded.Id}/file");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(uploaded.Name, response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task Upload_without_files_is_400()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "collection" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/documents", form)).StatusCode);
    }
}

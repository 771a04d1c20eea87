using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChatRag.Contracts.Documents;
using ChatRag.Ingestion.Pipeline;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Tests;

/// <summary>One request cannot create unbounded documents: a cap on files per request, and an upload rate limit per caller.</summary>
public sealed class DocumentsUploadLimitTests : IAsyncLifetime
{
    private readonly ChatRagServerFactory root = new();
    private WebApplicationFactory<ServerMarker> factory = null!;

    private string UploadsDirectory => Path.GetFullPath(factory.Services.GetRequiredService<IOptions<IngestionPipelineOptions>>().Value.UploadsDirectory);

    public Task InitializeAsync()
    {
        factory = root.WithWebHostBuilder(b => b
            .UseSetting("ChatRag:UploadRateLimit:PermitLimit", "3")
            .UseSetting("ChatRag:UploadRateLimit:WindowSeconds", "3600"));
        _ = factory.Server;
        Directory.CreateDirectory(UploadsDirectory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await root.DisposeAsync();
    }

    [Fact]
    public async Task Five_thousand_files_in_one_request_are_refused_whole_and_leave_nothing_behind()
    {
        var before = Directory.GetFiles(UploadsDirectory).Length;
        using var client = factory.CreateClient();
        var files = Enumerable.Range(0, 5_000).Select(i => ($"f{i}.txt", Encoding.UTF8.GetBytes($"Tiny file number {i}."))).ToArray();

        using var response = await DocumentsApi.UploadAsync(client, "flood", files);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("MaxFilesPerUpload", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<List<DocumentDetails>>("/api/v1/documents?collection=flood"))!);
        Assert.Equal(before, Directory.GetFiles(UploadsDirectory).Length);
        Assert.Empty(Directory.GetFiles(UploadsDirectory, "*.part"));
    }

    [Fact]
    public async Task Uploads_over_the_callers_rate_are_429_while_other_routes_still_answer()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await DocumentsApi.UploadAsync(client, "rate", ($"r{i}.txt", DocumentsApi.Text($"Rate limited upload {i}.")));
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("upload rate limit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/documents?collection=rate")).StatusCode);
    }
}

using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ChatRag.Contracts.Documents;
using ChatRag.Ingestion.Pipeline;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Tests;

/// <summary>Uploads are read section by section and streamed to disk, with the per-file and total limits enforced as bytes arrive.</summary>
public sealed class DocumentsStreamingTests : IAsyncLifetime
{
    private const string Boundary = "----chatrag-stream-boundary";
    private const int MaxFileBytes = 100_000;
    private const int MaxUploadBytes = 300_000;
    private readonly ChatRagServerFactory root = new();
    private WebApplicationFactory<ServerMarker> factory = null!;

    private string UploadsDirectory => Path.GetFullPath(factory.Services.GetRequiredService<IOptions<IngestionPipelineOptions>>().Value.UploadsDirectory);

    public Task InitializeAsync()
    {
        factory = root.WithWebHostBuilder(b => b
            .UseSetting("ChatRag:Limits:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("ChatRag:Ingestion:Limits:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
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
    public async Task Files_are_on_disk_before_the_body_ends_and_the_collection_may_come_last()
    {
        var first = Encoding.UTF8.GetBytes("Streaming uploads write each file as it arrives. " + new string('s', 40_000));
        var second = Encoding.UTF8.GetBytes("The second file of the same request.");
        var pipe = new Pipe();
        using var content = new StreamContent(pipe.Reader.AsStream());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        // The server's own client: the factory's default handlers buffer request content (to replay it on redirects).
        using var client = factory.Server.CreateClient();
        var upload = client.PostAsync("/api/v1/documents", content);

        var writer = pipe.Writer.AsStream();
        await writer.WriteAsync(Part("../../evil\u0007name.txt", first));
        await writer.WriteAsync(Encoding.UTF8.GetBytes($"--{Boundary}\r\n"));
        await writer.FlushAsync();

        // The first file is complete in the uploads folder while the request body is still open: it was not buffered.
        var staged = await WaitForAsync(() => Directory.GetFiles(UploadsDirectory, "*.part").SingleOrDefault(f => new FileInfo(f).Length == first.Length));
        Assert.NotNull(staged);
        Assert.False(upload.IsCompleted);

        await writer.WriteAsync(Encoding.UTF8.GetBytes($"Content-Disposition: form-data; name=\"file\"; filename=\"second.txt\"\r\n\r\n"));
        await writer.WriteAsync(second);
        await writer.WriteAsync(Encoding.UTF8.GetBytes($"\r\n--{Boundary}\r\nContent-Disposition: form-data; name=\"collection\"\r\n\r\nlast-field\r\n--{Boundary}--\r\n"));
        await pipe.Writer.CompleteAsync();

        var response = await upload;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var uploaded = (await response.Content.ReadFromJsonAsync<List<UploadedDocument>>())!;
        Assert.Equal(["queued", "queued"], uploaded.Select(u => u.Status));
        Assert.DoesNotContain(uploaded[0].Name, c => char.IsControl(c) || c is '/' or '\\');
        Assert.DoesNotContain("..", uploaded[0].Name, StringComparison.Ordinal);
        foreach (var u in uploaded)
        {
            var details = await client.GetFromJsonAsync<DocumentDetails>($"/api/v1/documents/{u.Id}");
            Assert.Equal("last-field", details!.Collection);
        }

        Assert.Empty(Directory.GetFiles(UploadsDirectory, "*.part"));
        var stored = Directory.GetFiles(UploadsDirectory).Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))).ToHashSet();
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(first)), stored);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(second)), stored);
    }

    [Fact]
    public async Task Crossing_the_total_limit_midway_is_413_and_leaves_nothing_behind()
    {
        var before = Directory.GetFiles(UploadsDirectory).Length;
        using var client = factory.CreateClient();
        var files = Enumerable.Range(0, 4).Select(i => ($"part{i}.txt", Encoding.UTF8.GetBytes($"File {i}. " + new string((char)('a' + i), 90_000)))).ToArray();

        var response = await PostAsync(client, "too-much", files);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, Directory.GetFiles(UploadsDirectory).Length);
        Assert.Empty(Directory.GetFiles(UploadsDirectory, "*.part"));
        Assert.Empty((await client.GetFromJsonAsync<List<DocumentDetails>>("/api/v1/documents?collection=too-much"))!);
    }

    [Fact]
    public async Task An_oversized_file_midway_is_refused_alone_and_its_partial_file_deleted()
    {
        using var client = factory.CreateClient();
        var big = Encoding.UTF8.GetBytes(new string('b', MaxFileBytes + 1));

        var response = await PostAsync(client, "one-too-big", ("a.txt", Encoding.UTF8.GetBytes("Small file a.")), ("big.txt", big), ("c.txt", Encoding.UTF8.GetBytes("Small file c.")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var uploaded = (await response.Content.ReadFromJsonAsync<List<UploadedDocument>>())!;
        Assert.Equal(["queued", "rejected", "queued"], uploaded.Select(u => u.Status));
        Assert.Equal(413, uploaded[1].StatusCode);
        Assert.Empty(Directory.GetFiles(UploadsDirectory, "*.part"));
        Assert.DoesNotContain(Directory.GetFiles(UploadsDirectory), f => new FileInfo(f).Length > MaxFileBytes);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string collection, params (string Name, byte[] Content)[] files)
    {
        using var body = new MemoryStream();
        body.Write(Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"collection\"\r\n\r\n{collection}\r\n"));
        foreach (var (name, content) in files)
        {
            body.Write(Encoding.UTF8.GetBytes($"--{Boundary}\r\n"));
            body.Write(Part(name, content)[(Boundary.Length + 4)..]);
        }

        body.Write(Encoding.UTF8.GetBytes($"--{Boundary}--\r\n"));
        using var request = new ByteArrayContent(body.ToArray());
        request.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return await client.PostAsync("/api/v1/documents", request);
    }

    /// <summary>One file section, boundary line included, ending with the CRLF before the next boundary.</summary>
    private static byte[] Part(string name, byte[] content) =>
    [
        .. Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/plain\r\n\r\n"),
        .. content,
        .. "\r\n"u8,
    ];

    private static async Task<T?> WaitForAsync<T>(Func<T?> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        return default;
    }
}

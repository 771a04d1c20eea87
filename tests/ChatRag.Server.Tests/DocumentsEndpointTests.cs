using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatRag.Contracts.Documents;
using ChatRag.Contracts.Search;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ChatRag.Server.Tests;

public sealed class DocumentsEndpointTests(DocumentsFixture fixture) : IClassFixture<DocumentsFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    [Fact]
    public async Task Uploaded_text_becomes_ready_and_searchable()
    {
        var uploaded = await DocumentsApi.UploadOkAsync(client, "ready", ("volcanoes.txt", DocumentsApi.Text("Mount Kilimanjaro is a dormant volcano in Tanzania.\n\nIts summit is Uhuru Peak.")));

        var entry = Assert.Single(uploaded);
        Assert.Equal("queued", entry.Status);
        Assert.Equal("volcanoes.txt", entry.Name);
        var ready = await DocumentsApi.WaitAsync(client, entry.Id);
        Assert.Equal("ready", ready.Status);
        Assert.True(ready.Chunks > 0);
        Assert.Equal(new DocumentProgress(ready.Chunks, ready.Chunks), ready.Progress);
        Assert.Equal("text/plain", ready.Type);
        Assert.NotNull(ready.Timings);
        Assert.True(ready.Timings!.ContainsKey("embedMs"));

        var search = await client.PostAsJsonAsync("/api/v1/search", new { query = "Which volcano is in Tanzania?", collection = "ready" });
        var results = await search.Content.ReadFromJsonAsync<SearchResults>();
        Assert.Equal(entry.Id, results!.Results[0].DocumentId);
    }

    [Fact]
    public async Task Several_files_in_one_upload_are_each_queued_and_listed()
    {
        var uploaded = await DocumentsApi.UploadOkAsync(
            client, "multi", ("a.md", DocumentsApi.Text("# Alpha\n\nThe first file.")), ("b.csv", DocumentsApi.Text("name,colour\nsky,blue\ngrass,green\n")));

        Assert.Equal(["queued", "queued"], uploaded.Select(u => u.Status));
        foreach (var u in uploaded)
        {
            Assert.Equal("ready", (await DocumentsApi.WaitAsync(client, u.Id)).Status);
        }

        var list = await client.GetFromJsonAsync<List<DocumentDetails>>("/api/v1/documents?collection=multi");
        Assert.NotNull(list);
        Assert.Equal(uploaded.Select(u => u.Id).Order(), list.Select(d => d.Id).Order());
        Assert.All(list, d => Assert.Equal("multi", d.Collection));
        Assert.Contains(list, d => d.Type == "text/csv");
    }

    [Fact]
    public async Task Same_content_twice_is_a_duplicate()
    {
        var content = DocumentsApi.Text("Duplicates are detected by the SHA-256 of the bytes.");
        var first = (await DocumentsApi.UploadOkAsync(client, "dup", ("one.txt", content)))[0];

        var alone = await DocumentsApi.UploadAsync(client, "dup", ("two.txt", content));
        Assert.Equal(HttpStatusCode.Conflict, alone.StatusCode);
        using var problem = JsonDocument.Parse(await alone.Content.ReadAsStringAsync());
        Assert.Equal(first.Id, problem.RootElement.GetProperty("existingId").GetGuid());

        var batch = await DocumentsApi.UploadOkAsync(client, "dup", ("three.txt", content), ("other.txt", DocumentsApi.Text("Something new.")));
        Assert.Equal(UploadOutcomeStatus.Duplicate, batch[0].Status);
        Assert.Equal(first.Id, batch[0].Id);
        Assert.Equal("queued", batch[1].Status);

        // Another collection may hold the same bytes.
        Assert.Equal(HttpStatusCode.Accepted, (await DocumentsApi.UploadAsync(client, "dup-elsewhere", ("one.txt", content))).StatusCode);
    }

    [Fact]
    public async Task Unknown_binary_type_is_415_and_nothing_is_stored()
    {
        var before = Directory.GetFiles(fixture.UploadsDirectory).Length;
        var response = await DocumentsApi.UploadAsync(client, "bad", ("tool.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xFF, 0xFF]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, Directory.GetFiles(fixture.UploadsDirectory).Length);
    }

    [Fact]
    public async Task File_over_the_limit_is_413_and_empty_file_is_422()
    {
        var tooLarge = new byte[(64 * 1024 * 1024) + 1];
        tooLarge.AsSpan().Fill((byte)'a');
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await DocumentsApi.UploadAsync(client, "limits", ("big.txt", tooLarge))).StatusCode);

        var empty = await DocumentsApi.UploadAsync(client, "limits", ("empty.txt", []));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("empty", await empty.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var mixed = await DocumentsApi.UploadOkAsync(client, "limits", ("empty.txt", []), ("fine.txt", DocumentsApi.Text("Fine.")));
        Assert.Equal("rejected", mixed[0].Status);
        Assert.Equal(422, mixed[0].StatusCode);
        Assert.Equal("queued", mixed[1].Status);
    }

    [Fact]
    public async Task Hostile_names_are_stored_under_generated_names_and_shown_sanitised()
    {
        var longName = new string('x', 1000) + ".txt";
        var uploaded = await DocumentsApi.UploadOkAsync(
            client,
            "hostile",
            ("../../etc/passwd", DocumentsApi.Text("root:x:0:0 is not really here.")),
            ("bell\u0007tab\u0009esc\u001B.txt", DocumentsApi.Text("Control characters in a name.")),
            (longName, DocumentsApi.Text("A very long name.")));

        Assert.All(uploaded, u => Assert.Equal("queued", u.Status));
        Assert.All(uploaded, u => Assert.DoesNotContain(u.Name, c => char.IsControl(c) || c is '/' or '\\'));
        Assert.DoesNotContain("..", uploaded[0].Name, StringComparison.Ordinal);
        Assert.True(uploaded[2].Name.Length <= 180);
        foreach (var u in uploaded)
        {
            var details = await DocumentsApi.WaitAsync(client, u.Id);
            Assert.Equal("ready", details.Status);
            Assert.Equal(u.Name, details.Name);
        }

        Assert.All(Directory.GetFiles(fixture.UploadsDirectory), f => Assert.Matches("^[0-9a-f]{32}\\.bin$", Path.GetFileName(f)));
        Assert.False(File.Exists(Path.Combine(fixture.UploadsDirectory, "..", "..", "etc", "passwd")));
    }

    [Fact]
    public async Task Corrupt_pdf_fails_with_a_reason_while_the_good_file_of_the_batch_becomes_ready()
    {
        var good = Pdf("Photosynthesis turns light into chemical energy.");
        var corrupt = good[..(good.Length / 2)];
        var uploaded = await DocumentsApi.UploadOkAsync(client, "corrupt", ("broken.pdf", corrupt), ("good.pdf", good));

        var failed = await DocumentsApi.WaitAsync(client, uploaded[0].Id);
        var ready = await DocumentsApi.WaitAsync(client, uploaded[1].Id);
        Assert.Equal("failed", failed.Status);
        Assert.False(string.IsNullOrWhiteSpace(failed.Error));
        Assert.Contains("PDF", failed.Error, StringComparison.Ordinal);
        Assert.Equal("ready", ready.Status);
        Assert.Equal("application/pdf", ready.Type);
    }

    internal static byte[] Pdf(params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pages)
        {
            builder.AddPage(PageSize.A4).AddText(text, 11, new PdfPoint(60, 780), font);
        }

        return builder.Build();
    }
}

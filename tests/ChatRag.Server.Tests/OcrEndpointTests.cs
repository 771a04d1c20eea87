using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.Contracts.Documents;
using ChatRag.Contracts.Search;
using ChatRag.Ingestion.Ocr;
using ChatRag.Ingestion.Tests.Ocr;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatRag.Server.Tests;

/// <summary>OCR seen through the REST API: the status route, scans that become searchable, and a server without Tesseract.</summary>
[Trait("Category", "Ocr")]
public sealed class OcrEndpointTests
{
    [Fact]
    public async Task Without_tesseract_status_says_ocr_is_off_and_a_scan_fails_with_the_packages_to_install()
    {
        await using var factory = new ChatRagServerFactory(new Dictionary<string, string?> { ["ChatRag:Ocr:TesseractPath"] = "/nonexistent/tesseract" });
        var client = factory.CreateClient();

        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/v1/status"));
        var root = status.RootElement;
        Assert.True(root.TryGetProperty("decoder", out _) && root.TryGetProperty("encoders", out _) && root.TryGetProperty("defaultCollection", out _));
        var ocr = root.GetProperty("ocr");
        Assert.False(ocr.GetProperty("available").GetBoolean());
        Assert.Contains("tesseract-ocr", ocr.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var uploaded = await DocumentsApi.UploadOkAsync(client, "ocr-off", ("scan.png", ScanFixtures.PngHeaderOnly(200, 100)));
        var failed = await DocumentsApi.WaitAsync(client, uploaded[0].Id);
        Assert.Equal("failed", failed.Status);
        Assert.Contains("tesseract-ocr", failed.Error, StringComparison.Ordinal);
    }

    [OcrFact]
    public async Task Scanned_pdf_becomes_searchable_with_the_right_page()
    {
        await using var factory = new ChatRagServerFactory();
        var client = factory.CreateClient();
        var source = ScanFixtures.TextPdf(
            ["Minutes of the harbour board meeting.", "Members discussed the budget."],
            ["The lighthouse keeper retired in April", "after forty years of service."]);
        var scan = ScanFixtures.ImageOnlyPdf(source, 2);

        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/v1/status"));
        Assert.True(status.RootElement.GetProperty("ocr").GetProperty("available").GetBoolean());
        var uploaded = await DocumentsApi.UploadOkAsync(client, "ocr-scan", ("harbour.pdf", scan));
        var ready = await DocumentsApi.WaitAsync(client, uploaded[0].Id);
        Assert.Equal("ready", ready.Status);
        Assert.Equal(2, ready.Timings!["ocrPages"]);
        Assert.True(ready.Timings["ocrMs"] > 0);

        var search = await client.PostAsJsonAsync("/api/v1/search", new { query = "When did the lighthouse keeper retire?", collection = "ocr-scan" });
        var results = await search.Content.ReadFromJsonAsync<SearchResults>();
        var top = results!.Results[0];
        Assert.Contains("lighthouse keeper", top.Text, StringComparison.Ordinal);
        Assert.Equal(2, top.Page);
        Assert.InRange(top.OcrConfidence!.Value, 50, 100);
    }

    [OcrFact]
    public async Task A_scan_in_progress_reports_its_ocr_pages_in_the_document_status()
    {
        using var tesseract = new TesseractOcrEngine(Options.Create(new OcrOptions { Dpi = 200 }));
        var gated = new GatedOcrEngine(tesseract, holdAtCall: 2);
        await using var inner = new ChatRagServerFactory();
        await using var factory = inner.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IOcrEngine>(gated)));
        var client = factory.CreateClient();
        var source = ScanFixtures.TextPdf(["The harbour board met on Monday."], ["The lighthouse keeper retired in April."], ["New buoys were ordered."]);
        var uploaded = await DocumentsApi.UploadOkAsync(client, "ocr-progress", ("harbour.pdf", ScanFixtures.ImageOnlyPdf(source, 3, dpi: 200)));

        // Page 2 is held: the status route must show page 1 of 3 done, in the ocr stage, while it waits.
        var held = await WaitForProgressAsync(client, uploaded[0].Id, p => p.Done == 1);
        Assert.Equal(new DocumentProgress(1, 3, "ocr"), held.Progress);
        Assert.Equal("processing", held.Status);
        using (var raw = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/documents/{uploaded[0].Id}")))
        {
            Assert.Equal("ocr", raw.RootElement.GetProperty("progress").GetProperty("stage").GetString());
        }

        gated.Release();
        var ready = await DocumentsApi.WaitAsync(client, uploaded[0].Id);
        Assert.Equal("ready", ready.Status);
        Assert.Equal(new DocumentProgress(ready.Chunks, ready.Chunks), ready.Progress);
        Assert.Equal(3, ready.Timings!["ocrPages"]);
        Assert.True(ready.Timings["ocrMs"] > 0);
    }

    [OcrFact]
    public async Task Status_reports_tesseract_installed_after_start_up_once_the_probe_retry_interval_has_passed()
    {
        var bin = Directory.CreateTempSubdirectory("chatrag-probe-");
        try
        {
            var tesseract = Path.Combine(bin.FullName, "tesseract");
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            using var engine = new TesseractOcrEngine(Options.Create(new OcrOptions { TesseractPath = tesseract, ProbeRetrySeconds = 300 }), clock);
            await using var inner = new ChatRagServerFactory();
            await using var factory = inner.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IOcrEngine>(engine)));
            var client = factory.CreateClient();
            Assert.False(await OcrAvailableAsync(client));

            File.CreateSymbolicLink(tesseract, (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(d => Path.Combine(d, "tesseract")).First(File.Exists));
            Assert.False(await OcrAvailableAsync(client));
            clock.Advance(TimeSpan.FromSeconds(300));

            Assert.True(await OcrAvailableAsync(client));
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    private static async Task<bool> OcrAvailableAsync(HttpClient client)
    {
        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/v1/status"));
        return status.RootElement.GetProperty("ocr").GetProperty("available").GetBoolean();
    }

    private static async Task<DocumentDetails> WaitForProgressAsync(HttpClient client, Guid id, Func<DocumentProgress, bool> reached)
    {
        // Generous: the gate holds the state still, the wait only covers rendering and reading page 1 on a busy machine.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var details = (await client.GetFromJsonAsync<DocumentDetails>($"/api/v1/documents/{id}"))!;
            if (reached(details.Progress) || details.Status is "ready" or "failed" || DateTime.UtcNow > deadline)
            {
                return details;
            }

            await Task.Delay(100);
        }
    }
}

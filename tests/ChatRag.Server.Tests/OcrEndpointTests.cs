using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.Contracts.Search;
using ChatRag.Ingestion.Tests.Ocr;

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
}

using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Ocr;
using ChatRag.Ingestion.Tests.Pipeline;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Tests.Ocr;

/// <summary>
/// The document-wide time limits grow with the pages sent to OCR (each page brings its own page time limit), so a
/// scan within <see cref="OcrOptions.MaxPages"/> is not cut off by a limit sized for text documents.
/// </summary>
[Trait("Category", "Ocr")]
public sealed class OcrTimeBudgetTests
{
    // Four scanned pages, each held a second and a half before Tesseract reads it: six seconds in all, three times the
    // two-second base limits below, and far inside four pages' time limits of 60 seconds each.
    private static readonly TimeSpan PerPage = TimeSpan.FromSeconds(1.5);

    private static byte[] FourPageScan() => ScanFixtures.ImageOnlyPdf(
        ScanFixtures.TextPdf(["Page one of the tide tables."], ["Page two of the tide tables."], ["Page three of the tide tables."], ["Page four of the tide tables."]),
        4,
        dpi: 150);

    [OcrFact]
    public async Task A_scan_slower_than_the_base_extraction_limit_gets_a_page_allowance_per_ocr_page()
    {
        using var tesseract = new TesseractOcrEngine(Options.Create(new OcrOptions { Dpi = 150, PageTimeoutSeconds = 60 }));
        var extractor = DocumentExtractor.CreateDefault(new IngestionLimitsOptions { ExtractionTimeoutSeconds = 2 }, new DelayedOcrEngine(tesseract, PerPage));

        var document = await extractor.ExtractAsync(FourPageScan(), "tides.pdf");

        Assert.Equal(4, document.Ocr!.Pages);
        Assert.Contains("Page four", document.Text, StringComparison.Ordinal);
    }

    [OcrFact]
    public async Task A_scan_slower_than_the_base_job_limit_is_not_abandoned_by_it()
    {
        await using var pipeline = await SqlitePipeline.CreateAsync();
        pipeline.Limits.MaxFileBytes = 10_000_000;
        pipeline.Limits.ExtractionTimeoutSeconds = 2;
        pipeline.Options.JobTimeoutSeconds = 2;
        using var tesseract = new TesseractOcrEngine(Options.Create(new OcrOptions { Dpi = 150, PageTimeoutSeconds = 60 }));
        var id = await pipeline.UploadAsync(FourPageScan(), "tides.pdf");

        var job = (await pipeline.Jobs.ClaimNextAsync())!;
        var result = await pipeline.Processor(new HashingEmbeddingGenerator(SqlitePipeline.Dimensions), new DelayedOcrEngine(tesseract, PerPage)).ProcessAsync(job);

        Assert.Equal(("ready", null), (result.Status, result.Error));
        Assert.Equal(4, result.Timings.OcrPages);
        Assert.Equal("ready", (await pipeline.Jobs.GetAsync(id))!.Status);
    }

    [Fact]
    public void A_page_budget_whose_time_allowance_no_timer_can_hold_is_refused_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatRag:Ocr:MaxPages"] = "100000",
            ["ChatRag:Ocr:PageTimeoutSeconds"] = "3600",
        }).Build());
        services.AddChatRagIngestion();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OcrOptions>>().Value);

        Assert.Contains("PageTimeoutSeconds", error.Message, StringComparison.Ordinal);
    }
}

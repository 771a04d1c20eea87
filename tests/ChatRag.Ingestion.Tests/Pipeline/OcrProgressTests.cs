using ChatRag.Ingestion.Ocr;
using ChatRag.Ingestion.Tests.Ocr;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Tests.Pipeline;

/// <summary>
/// A scanned PDF through the real pipeline (real SQLite store, real Tesseract): the document's progress is an
/// <c>ocr</c> stage counting pages as they are read, before the chunks are embedded.
/// </summary>
[Trait("Category", "Ocr")]
public sealed class OcrProgressTests : IAsyncLifetime
{
    private SqlitePipeline pipeline = null!;

    public async Task InitializeAsync() => pipeline = await SqlitePipeline.CreateAsync();

    public async Task DisposeAsync() => await pipeline.DisposeAsync();

    [OcrFact]
    public async Task A_scan_reports_an_ocr_stage_page_by_page_and_then_embeds()
    {
        // Four pages, the second a text page: three are scans, so OCR counts three pages.
        var source = ScanFixtures.TextPdf(
            ["The harbour board met on Monday.", "Members discussed the budget."],
            ["The second page has a text layer", "and is read without any OCR at all."],
            ["The lighthouse keeper retired in April", "after forty years of service."],
            ["New buoys were ordered for the channel", "before the winter storms."]);
        var scan = ScanFixtures.ImageOnlyPdf(source, 4, dpi: 200, keepAsText: new HashSet<int> { 2 });
        pipeline.Limits.MaxFileBytes = 10_000_000;
        var id = await pipeline.UploadAsync(scan, "harbour.pdf");
        var (jobs, recorder) = ProgressRecordingJobStore.Wrap(pipeline.Jobs);
        using var ocr = new TesseractOcrEngine(Options.Create(new OcrOptions { Dpi = 200 }));

        var job = (await jobs.ClaimNextAsync())!;
        var result = await pipeline.Processor(new HashingEmbeddingGenerator(SqlitePipeline.Dimensions), ocr, jobs).ProcessAsync(job);

        Assert.Equal("ready", result.Status);
        Assert.Equal(
            [("ocr", 0, 3, "processing"), ("ocr", 1, 3, "processing"), ("ocr", 2, 3, "processing"), ("ocr", 3, 3, "processing")],
            recorder.Seen.ToArray());
        Assert.Equal(3, result.Timings.OcrPages);
        Assert.True(result.Timings.OcrMs > 0);

        // Once chunks exist the progress counts them, and a ready document reports its chunks done.
        var ready = (await pipeline.Jobs.GetAsync(id))!;
        Assert.Equal(("embed", ready.Chunks, ready.Chunks), (ready.ProgressStage, ready.ProgressDone, ready.ProgressTotal));
    }
}

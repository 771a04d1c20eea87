using System.Diagnostics;
using ChatRag.Ingestion.Tests.Fixtures;
using ChatRag.Ingestion.Tests.Ocr;
using Xunit.Abstractions;

namespace ChatRag.Ingestion.Tests.Benchmarks;

/// <summary>
/// OCR throughput on A4 pages of 40 lines: render (pdftoppm) + recognise (Tesseract), one page at a time. Run with
/// <c>CHATRAG_BENCH=1 dotnet test tests/ChatRag.Ingestion.Tests --filter "FullyQualifiedName~OcrBenchmarks" --logger "console;verbosity=detailed"</c>.
/// With <c>CHATRAG_BENCH_SCAN=path</c> it also writes a 20-page 300 dpi scan there, for an end-to-end <c>chatrag ingest</c>.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class OcrBenchmarks(ITestOutputHelper output)
{
    private const double A4Width = 595, A4Height = 842;

    [BenchmarkFact]
    public async Task Ocr_pages_per_second_at_200_and_300_dpi()
    {
        const int pages = 3;
        var source = Source(pages);
        foreach (var dpi in new[] { 200, 300 })
        {
            var scan = ScanFixtures.ImageOnlyPdf(source, pages, dpi, width: A4Width, height: A4Height);
            var extractor = OcrReaderTests.Extractor(o => o.Dpi = dpi);
            var clock = Stopwatch.StartNew();
            var document = await extractor.ExtractAsync(scan, "scan.pdf");
            clock.Stop();
            output.WriteLine($"{dpi} dpi: {pages} pages in {clock.Elapsed.TotalSeconds:N1} s = {pages / clock.Elapsed.TotalSeconds:N2} pages/s; {document.Text.Length:N0} characters; OCR {document.Ocr?.Milliseconds:N0} ms");
        }

        if (Environment.GetEnvironmentVariable("CHATRAG_BENCH_SCAN") is { Length: > 0 } path)
        {
            await File.WriteAllBytesAsync(path, ScanFixtures.ImageOnlyPdf(Source(20), 20, 300, width: A4Width, height: A4Height));
            output.WriteLine($"wrote a 20-page scan to {path}");
        }
    }

    private static byte[] Source(int pages) => PdfFixtures.Pages(Enumerable.Range(1, pages)
        .Select(p => (IReadOnlyList<string>)Enumerable.Range(1, 40).Select(l => $"Page {p} line {l}: retrieval augmented generation grounds answers in documents.").ToList())
        .ToList());
}

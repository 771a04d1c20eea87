using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Ocr;
using Microsoft.Extensions.Options;
using Xunit;

namespace ChatRag.Ingestion.Tests.Ocr;

/// <summary>Scanned PDFs and images through the real extractor, Tesseract and pdftoppm.</summary>
[Trait("Category", "Ocr")]
public sealed class OcrReaderTests
{
    private static readonly string[] English1 = ["The quarterly audit found three", "invoices paid twice in March.", "Refunds were requested at once."];
    private static readonly string[] English2 = ["Warehouse stock was counted on", "the first Monday of each month."];
    private static readonly string[] French = ["Le comité a approuvé le budget", "de l'année prochaine à l'unanimité.", "Les élèves français étudient", "la géométrie après le déjeuner."];

    internal static DocumentExtractor Extractor(Action<OcrOptions>? configure = null)
    {
        var options = new OcrOptions();
        configure?.Invoke(options);
        return DocumentExtractor.CreateDefault(ocr: new TesseractOcrEngine(Options.Create(options)));
    }

    [OcrFact]
    public async Task English_scan_is_read_within_two_percent_character_error_with_its_page_numbers()
    {
        var scan = ScanFixtures.ImageOnlyPdf(ScanFixtures.TextPdf(English1, English2), 2);

        var document = await Extractor().ExtractAsync(scan, "scan.pdf");

        AssertPage(document, 1, English1);
        AssertPage(document, 2, English2);
        Assert.All(document.Blocks, b => Assert.InRange(b.OcrConfidence!.Value, 50, 100));
        Assert.All(document.Blocks, b => Assert.NotEmpty(b.Regions));
    }

    [OcrFact]
    public async Task French_scan_keeps_its_accents()
    {
        var scan = ScanFixtures.ImageOnlyPdf(ScanFixtures.TextPdf(French), 1);

        var document = await Extractor().ExtractAsync(scan, "numérisé.pdf");

        AssertPage(document, 1, French);
        Assert.Contains("géométrie", document.Text, StringComparison.Ordinal);
    }

    [OcrFact]
    public async Task Mixed_pdf_reads_text_pages_from_their_layer_and_scanned_pages_by_ocr()
    {
        var mixed = ScanFixtures.ImageOnlyPdf(ScanFixtures.TextPdf(English1, English2), 2, keepAsText: new HashSet<int> { 1 });

        var document = await Extractor().ExtractAsync(mixed, "mixed.pdf");

        AssertPage(document, 1, English1);
        AssertPage(document, 2, English2);
        Assert.All(document.Blocks.Where(b => b.Page == 1), b => Assert.Null(b.OcrConfidence));
        Assert.All(document.Blocks.Where(b => b.Page == 2), b => Assert.NotNull(b.OcrConfidence));
    }

    [OcrFact]
    public async Task Png_image_is_a_one_page_document()
    {
        var png = ScanFixtures.Render(ScanFixtures.TextPdf(English1), 1, 300, "png");

        var document = await Extractor().ExtractAsync(png, "photo.bin");

        Assert.Equal(DocumentKind.Png, document.Kind);
        Assert.Equal(1, document.PageCount);
        AssertPage(document, 1, English1);
    }

    [OcrFact]
    public async Task Every_frame_of_a_tiff_is_a_page()
    {
        var pdf = ScanFixtures.TextPdf(English1, English2);
        var tiff = ScanFixtures.MultiFrameTiff(ScanFixtures.Render(pdf, 1, 300, "pgm"), ScanFixtures.Render(pdf, 2, 300, "pgm"));

        var document = await Extractor().ExtractAsync(tiff, "fax.tif");

        Assert.Equal(DocumentKind.Tiff, document.Kind);
        Assert.Equal(2, document.PageCount);
        AssertPage(document, 1, English1);
        AssertPage(document, 2, English2);
    }

    [OcrFact]
    public async Task Corrupt_jpeg_body_fails_as_damaged()
    {
        var jpeg = ScanFixtures.Render(ScanFixtures.TextPdf(English1), 1, 100, "jpeg");
        var broken = jpeg[..(jpeg.Length / 3)].Concat(Enumerable.Repeat((byte)0x5A, 64)).ToArray();

        var error = await Assert.ThrowsAnyAsync<DocumentRejectedException>(() => Extractor().ExtractAsync(broken, "photo.jpg"));

        Assert.IsNotType<OcrUnavailableException>(error);
    }

    [OcrFact]
    public async Task Engine_stuck_past_the_page_timeout_is_killed_and_the_document_fails()
    {
        var dir = Directory.CreateTempSubdirectory("chatrag-stuck-");
        try
        {
            // Answers the availability probe like Tesseract, then hangs on the real work.
            var fake = Path.Combine(dir.FullName, "tesseract");
            var marker = Path.Combine(dir.FullName, "running");
            await File.WriteAllTextAsync(fake, $"#!/bin/sh\ncase \"$1\" in --version) echo 'tesseract 5 (stuck)';; --list-langs) printf 'List\\neng\\nfra\\n';; *) touch {marker}; exec sleep 60;; esac\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
            }

            var png = ScanFixtures.Render(ScanFixtures.TextPdf(English1), 1, 100, "png");

            var error = await Assert.ThrowsAsync<DocumentLimitExceededException>(
                () => Extractor(o => { o.TesseractPath = fake; o.PageTimeoutSeconds = 1; }).ExtractAsync(png, "slow.png"));

            Assert.Contains("ChatRag:Ocr:PageTimeoutSeconds", error.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(marker));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    internal static void AssertPage(ExtractedDocument document, int page, string[] lines)
    {
        var text = string.Join(' ', document.Blocks.Where(b => b.Page == page).Select(document.TextOf));
        var rate = ScanFixtures.CharacterErrorRate(string.Join(' ', lines), text);
        Assert.True(rate <= 0.02, $"Page {page}: character error rate {rate:P1}; read \"{text}\".");
    }
}

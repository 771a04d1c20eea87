using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Ocr;
using ChatRag.Ingestion.Readers;
using Xunit;

namespace ChatRag.Ingestion.Tests.Ocr;

/// <summary>Hostile and impossible OCR inputs end as clear failures; none of these needs the engine installed.</summary>
[Trait("Category", "Ocr")]
public sealed class OcrHostileInputTests
{
    private static DocumentExtractor Extractor(Action<OcrOptions>? configure = null) => OcrReaderTests.Extractor(configure);

    [Fact]
    public async Task Png_declaring_fifty_thousand_pixels_square_is_refused_from_its_header()
    {
        var bomb = ScanFixtures.PngHeaderOnly(50_000, 50_000);

        var error = await Assert.ThrowsAsync<DocumentLimitExceededException>(() => Extractor().ExtractAsync(bomb, "bomb.png"));

        Assert.Contains("50,000 x 50,000 pixels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jpeg_without_a_frame_header_fails_as_damaged()
    {
        byte[] truncated = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0, 0, 1, 0, 1, 0, 0];

        await Assert.ThrowsAsync<CorruptDocumentException>(() => Extractor().ExtractAsync(truncated, "photo.jpg"));
    }

    [Fact]
    public async Task Missing_tesseract_fails_a_scan_with_the_packages_to_install()
    {
        var png = ScanFixtures.PngHeaderOnly(100, 100);

        var error = await Assert.ThrowsAsync<OcrUnavailableException>(
            () => Extractor(o => o.TesseractPath = "/nonexistent/tesseract").ExtractAsync(png, "scan.png"));

        Assert.Equal("ocr_unavailable", error.Reason);
        Assert.Contains("tesseract-ocr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scanned_pdf_without_ocr_fails_with_the_reason_instead_of_empty_text()
    {
        var scan = ScanFixtures.TextPdf([], []);

        var error = await Assert.ThrowsAsync<OcrUnavailableException>(
            () => Extractor(o => o.Enabled = false).ExtractAsync(scan, "scan.pdf"));

        Assert.Contains("OCR is disabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_ocr_a_thin_text_layer_is_still_read()
    {
        var title = ScanFixtures.TextPdf(["Annex B"]);

        var document = await Extractor(o => o.Enabled = false).ExtractAsync(title, "title.pdf");

        Assert.Equal("Annex B", document.Text);
    }

    [Fact]
    public async Task Scan_with_more_pages_than_the_ocr_budget_fails_before_any_ocr()
    {
        var scan = ScanFixtures.TextPdf([], [], [], [], []);

        var error = await Assert.ThrowsAsync<DocumentLimitExceededException>(
            () => Extractor(o => { o.MaxPages = 3; o.TesseractPath = "/nonexistent/tesseract"; }).ExtractAsync(scan, "long-scan.pdf"));

        Assert.Contains("ChatRag:Ocr:MaxPages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tiff_with_more_frames_than_the_budget_is_refused_from_its_header()
    {
        var pgm = "P5\n4 4\n255\n"u8.ToArray().Concat(new byte[16]).ToArray();
        var tiff = ScanFixtures.MultiFrameTiff(pgm, pgm, pgm);

        await Assert.ThrowsAsync<DocumentLimitExceededException>(() => Extractor(o => o.MaxPages = 2).ExtractAsync(tiff, "fax.tif"));
    }

    [Theory]
    [InlineData(new[] { "a#b$c", "%%de%%", "f@g@h", "i&j*k", "l^m~n", "o|p|q", "r<s>t", "u{v}w", "x+y=z" }, false)]
    [InlineData(new[] { "The", "audit", "found", "three", "invoices", "paid", "twice", "in", "March." }, true)]
    [InlineData(new[] { "12" }, false)]
    public void Text_layer_of_non_words_is_taken_for_a_scan(string[] words, bool usable)
    {
        Assert.Equal(usable, PdfTextLayer.IsUsable(words));
    }

    [Fact]
    public void Options_are_validated()
    {
        var options = new OcrOptions { Languages = "eng; rm -rf", Dpi = 5 };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Equal(2, results.Count);
    }
}

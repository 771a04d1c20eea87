using System.Text;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.Exceptions;

namespace ChatRag.Ingestion.Readers;

/// <summary>
/// PDF via PdfPig: words by PdfPig's default extractor (the nearest-neighbour one was 20x slower for the same
/// words on text PDFs), blocks by Docstrum, blocks ordered by the unsupervised reading-order detector (so
/// two-column pages read column by column). Each block keeps its word boxes.
/// </summary>
public sealed partial class PdfDocumentReader : IDocumentReader
{
    private readonly IOcrEngine? ocr;

    /// <summary>A reader of text layers only: scanned pages are reported, not read.</summary>
    public PdfDocumentReader()
    {
    }

    /// <summary>A reader that OCRs pages without a usable text layer with <paramref name="ocr"/>.</summary>
    public PdfDocumentReader(IOcrEngine ocr) => this.ocr = ocr;

    /// <inheritdoc />
    public bool CanRead(DocumentKind kind) => kind == DocumentKind.Pdf;

    /// <inheritdoc />
    public async Task<ExtractedDocument> ReadAsync(Stream content, ReaderContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return await ReadAsync(buffer.ToArray(), context, cancellationToken);
    }

    private async Task<ExtractedDocument> ReadAsync(byte[] bytes, ReaderContext context, CancellationToken cancellationToken)
    {
        var builder = DocumentTextBuilder.For(DocumentKind.Pdf, context, cancellationToken);
        using var pdf = Open(bytes, context.Limits);
        var pageCount = pdf.NumberOfPages;
        if (pageCount > context.Limits.MaxPages)
        {
            throw new DocumentLimitExceededException(
                $"The PDF has {pageCount:N0} pages; the limit is {context.Limits.MaxPages:N0}. Split it into smaller files and upload them separately.");
        }

        pdf.AddPageFactory<PdfGlyphEstimate, PdfGlyphCounter>();
        var failedPages = new List<int>();
        using var scans = new ScannedPages(this, bytes, pdf, context);
        await scans.CheckBudgetAsync(cancellationToken);
        for (var number = 1; number <= pageCount; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            builder.Page = number;
            try
            {
                // Without OCR a thin text layer (a title page) is still better than nothing.
                if (!ReadPage(pdf, number, builder, context.Limits)
                    && !await scans.ReadAsync(pdf.GetPage(number), builder, cancellationToken)
                    && !ReadPage(pdf, number, builder, context.Limits, force: true))
                {
                    scans.Skip(number);
                }
            }
            catch (Exception ex) when (ex is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or KeyNotFoundException)
            {
                // One bad page should not cost the rest of the document.
                failedPages.Add(number);
            }
        }

        scans.Finish(builder);
        if (failedPages.Count == pageCount)
        {
            throw new CorruptDocumentException("None of the PDF's pages could be read; the file is damaged. Export it to PDF again and upload the new file.");
        }

        if (failedPages.Count > 0)
        {
            builder.Warnings.Add($"Pages {string.Join(", ", failedPages)} could not be read and were skipped.");
        }

        return builder.Build(pageCount) with { Ocr = scans.Statistics };
    }

    private static PdfDocument Open(byte[] bytes, IngestionLimitsOptions limits)
    {
        try
        {
            return PdfDocument.Open(bytes, new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                FilterProvider = new PdfBoundedFilters(limits.MaxPdfStreamBytes),
            });
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new EncryptedDocumentException("The PDF is password-protected; remove the password and upload it again.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new CorruptDocumentException("The PDF is damaged or incomplete and could not be opened. Upload the original file again.", ex);
        }
    }

    /// <summary>Reads the page's text layer; false when it has none worth reading (a scan) and nothing was added.</summary>
    private static bool ReadPage(PdfDocument pdf, int number, DocumentTextBuilder builder, IngestionLimitsOptions limits, bool force = false)
    {
        // Counted from the operators first: PdfPig materialises every letter of a page, hundreds of bytes each.
        CheckLetters(number, pdf.GetPage<PdfGlyphEstimate>(number).Glyphs, limits);
        var page = pdf.GetPage(number);
        CheckLetters(number, page.Letters.Count, limits);

        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0 || (!force && !PdfTextLayer.IsUsable(words)))
        {
            return false;
        }

        if (words.Count > limits.MaxPdfWordsForLayout)
        {
            // Block detection and reading order grow quadratically with the words on a page: keep content order.
            builder.Warnings.Add($"Some PDF pages had more than {limits.MaxPdfWordsForLayout:N0} words; their text was kept in the file's order without layout analysis.");
            AddWords(words, number, builder);
            return true;
        }

        var bodySize = BodyFontSize(words);
        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        foreach (var block in UnsupervisedReadingOrderDetector.Instance.Get(blocks))
        {
            // Docstrum happily merges a heading with the paragraph under it, so lines are regrouped by type size.
            var lines = block.TextLines.Select(l => (Line: l, Level: HeadingLevel(l, bodySize))).ToList();
            for (var i = 0; i < lines.Count;)
            {
                var run = lines.Skip(i).TakeWhile(l => l.Level == lines[i].Level).Select(l => l.Line).ToList();
                var level = run.Count <= 3 && run.Sum(l => l.Text.Length) <= 150 ? lines[i].Level : 0;
                AddLines(run, number, level, builder);
                i += run.Count;
            }
        }

        return true;
    }

    private static void CheckLetters(int number, long letters, IngestionLimitsOptions limits)
    {
        if (letters > limits.MaxPdfLettersPerPage)
        {
            throw new DocumentLimitExceededException(
                $"Page {number} of the PDF shows {letters:N0} characters; the limit is {limits.MaxPdfLettersPerPage:N0} per page. It is not an ordinary text page; remove it or export the PDF again.");
        }
    }

    /// <summary>The most common letter size on the page: the running text's size.</summary>
    private static double BodyFontSize(List<Word> words) =>
        words.SelectMany(w => w.Letters).GroupBy(l => Math.Round(l.PointSize, 1)).MaxBy(g => g.Count())?.Key ?? 0;

    /// <summary>
    /// PDFs carry no heading markup, so short lines set clearly larger than the body text are taken as headings:
    /// level 1 from 1.6x the body size, level 2 from 1.35x, level 3 from 1.2x.
    /// </summary>
    private static int HeadingLevel(TextLine line, double bodySize)
    {
        if (bodySize <= 0 || line.Text.Length > 150 || !line.Text.Any(char.IsLetter))
        {
            return 0;
        }

        var ratio = line.Words.SelectMany(w => w.Letters).Average(l => l.PointSize) / bodySize;
        return ratio >= 1.6 ? 1 : ratio >= 1.35 ? 2 : ratio >= 1.2 ? 3 : 0;
    }

    private static void AddLines(List<TextLine> lines, int page, int headingLevel, DocumentTextBuilder builder) =>
        AddWords(lines.SelectMany(l => l.Words), page, builder, headingLevel);

    private static void AddWords(IEnumerable<Word> words, int page, DocumentTextBuilder builder, int headingLevel = 0)
    {
        var text = new StringBuilder();
        var regions = new List<PageRegion>();
        foreach (var word in words)
        {
            var clean = TextNormalizer.Inline(word.Text);
            if (clean.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            var box = word.BoundingBox;
            regions.Add(new PageRegion(page, box.Left, box.Bottom, box.Right, box.Top, text.Length, text.Length + clean.Length));
            text.Append(clean);
        }

        if (text.Length > 0)
        {
            builder.AddLaidOut(headingLevel > 0 ? BlockKind.Heading : BlockKind.Paragraph, text.ToString(), regions, headingLevel);
        }
    }
}

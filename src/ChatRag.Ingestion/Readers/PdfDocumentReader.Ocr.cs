using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace ChatRag.Ingestion.Readers;

/// <summary>Pages without a usable text layer: rendered by pdftoppm, read by Tesseract, in page order.</summary>
public sealed partial class PdfDocumentReader
{
    /// <summary>The scanned pages of one PDF: the page budget, the temporary files and what to tell the user.</summary>
    private sealed class ScannedPages(PdfDocumentReader reader, byte[] bytes, PdfDocument pdf, ReaderContext context) : IDisposable
    {
        private readonly List<int> skipped = [];
        private readonly int pageCount = pdf.NumberOfPages;
        private int[]? blankAfter;
        private int scanned;
        private int dropped;
        private int recognised;
        private TimeSpan elapsed;
        private OcrAvailability? availability;
        private DirectoryInfo? directory;
        private string? pdfPath;

        private IOcrEngine? Ocr => reader.ocr;

        /// <summary>Pages OCR'd and the time it took, or null when no page was.</summary>
        public OcrStatistics? Statistics => recognised == 0 ? null : new OcrStatistics(recognised, Math.Round(elapsed.TotalMilliseconds, 1));

        private int MaxPages => Math.Min(context.Limits.MaxPages, Ocr?.Options.MaxPages ?? int.MaxValue);

        /// <summary>
        /// A long PDF is checked up front for pages with no text at all, so that a 1,000-page scan over the budget
        /// fails at once instead of after hundreds of pages of OCR.
        /// </summary>
        public Task CheckBudgetAsync(CancellationToken cancellationToken)
        {
            if (Ocr is null || pageCount <= MaxPages)
            {
                return Task.CompletedTask;
            }

            var blank = 0;
            for (var number = 1; number <= pageCount; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (pdf.GetPage<PdfGlyphEstimate>(number).Glyphs < PdfTextLayer.MinCharacters && ++blank > MaxPages)
                {
                    throw OverBudget();
                }
            }

            return Task.CompletedTask;
        }

        /// <summary>OCRs the page; false when OCR is unavailable (nothing was added).</summary>
        public async Task<bool> ReadAsync(Page page, DocumentTextBuilder builder, CancellationToken cancellationToken)
        {
            availability ??= Ocr is null
                ? new OcrAvailability(false, null, string.Empty, $"no OCR engine is configured; install {OcrOptions.Packages} and enable ChatRag:Ocr.")
                : await Ocr.GetAvailabilityAsync(cancellationToken);
            if (!availability.Available)
            {
                return false;
            }

            if (++scanned > MaxPages)
            {
                throw OverBudget();
            }

            var options = Ocr!.Options;
            var dpi = Dpi(page, options);
            if (pdfPath is null)
            {
                directory = OcrScratch.Create();
                pdfPath = Path.Combine(directory.FullName, "document.pdf");
                await File.WriteAllBytesAsync(pdfPath, bytes, cancellationToken);
            }

            context.AllowOcrPages(1, options);
            if (scanned == 1)
            {
                context.OcrProgress?.Report((0, Total(page.Number)));
            }

            string? image = null;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                image = await Ocr.RenderPdfPageAsync(pdfPath, page.Number, dpi, directory!.FullName, cancellationToken);
                var results = await Ocr.RecognizeAsync(image, 1, cancellationToken);
                foreach (var result in results)
                {
                    dropped += result.DroppedWords;
                    OcrText.Append(result, page.Number, builder, 72.0 / dpi, page.Height);
                }

                recognised++;
                context.OcrProgress?.Report((recognised, Total(page.Number)));
                return true;
            }
            catch (TimeoutException ex)
            {
                throw new DocumentLimitExceededException(
                    $"OCR of page {page.Number} took longer than {options.PageTimeoutSeconds:N0} seconds (ChatRag:Ocr:PageTimeoutSeconds) and was stopped. Scan it again at 300 dpi or split the document.",
                    ex);
            }
            finally
            {
                elapsed += System.Diagnostics.Stopwatch.GetElapsedTime(started);
                if (image is not null)
                {
                    File.Delete(image);
                }
            }
        }

        /// <summary>Records a page with no text that OCR could not read because it is unavailable.</summary>
        public void Skip(int number) => skipped.Add(number);

        /// <summary>Fails a PDF that is all scan when OCR is off; otherwise says which pages were skipped or thinned.</summary>
        public void Finish(DocumentTextBuilder builder)
        {
            if (skipped.Count > 0 && builder.BlockCount == 0)
            {
                throw new OcrUnavailableException(
                    $"The PDF has no text layer (it is probably a scan) and OCR is disabled: {availability?.Reason}");
            }

            if (skipped.Count > 0)
            {
                builder.Warnings.Add($"Pages {string.Join(", ", skipped)} have no text layer and were skipped because OCR is disabled: {availability?.Reason}");
            }

            if (recognised > 0 && builder.BlockCount == 0)
            {
                throw new EmptyDocumentException("OCR found no readable text on the PDF's pages. Check that the scan is sharp (300 dpi works best) and upload it again.");
            }

            if (dropped > 0)
            {
                builder.Warnings.Add(OcrText.DroppedWarning(dropped, Ocr!.Options.MinWordConfidence));
            }
        }

        public void Dispose() => directory?.Delete(recursive: true);

        /// <summary>The configured DPI, lowered for huge pages so the rendered image stays within the pixel budget.</summary>
        private static int Dpi(Page page, OcrOptions options)
        {
            var squareInches = Math.Max(1e-6, page.Width / 72.0 * (page.Height / 72.0));
            var fitting = (int)Math.Floor(Math.Sqrt(options.MaxPixelsPerPage / squareInches));
            if (fitting < 50)
            {
                throw new DocumentLimitExceededException(
                    $"Page {page.Number} of the PDF is {page.Width / 72.0:N0} x {page.Height / 72.0:N0} inches; it cannot be rendered for OCR within {options.MaxPixelsPerPage:N0} pixels (ChatRag:Ocr:MaxPixelsPerPage).");
            }

            return Math.Min(options.Dpi, fitting);
        }

        /// <summary>
        /// Pages OCR'd or being OCR'd so far plus the pages after <paramref name="current"/> with no text at all; a
        /// later page whose text layer is garbage adds one when it is reached.
        /// </summary>
        private int Total(int current)
        {
            if (blankAfter is null)
            {
                // Counted once, from the first scanned page on: a text PDF never pays for it.
                blankAfter = new int[pageCount + 1];
                for (var number = pageCount - 1; number >= current; number--)
                {
                    blankAfter[number] = blankAfter[number + 1] + (IsBlank(number + 1) ? 1 : 0);
                }
            }

            return scanned + blankAfter[current];
        }

        private bool IsBlank(int number)
        {
            try
            {
                return pdf.GetPage<PdfGlyphEstimate>(number).Glyphs < PdfTextLayer.MinCharacters;
            }
            catch (Exception ex) when (ex is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or KeyNotFoundException)
            {
                // A damaged page fails when it is read; the estimate just leaves it out.
                return false;
            }
        }

        private DocumentLimitExceededException OverBudget() => new(
            $"The PDF has more than {MaxPages:N0} scanned pages, the OCR page limit (ChatRag:Ocr:MaxPages). Split it into smaller files and upload them separately.");
    }
}

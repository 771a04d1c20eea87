using ChatRag.Ingestion.Detection;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Ocr;

namespace ChatRag.Ingestion.Readers;

/// <summary>
/// PNG, JPEG, TIFF (every frame a page) and WebP through OCR. Sizes come from the header and are checked against
/// the pixel and page budgets before Tesseract decodes anything; the image sits in a temporary file only while
/// it is read.
/// </summary>
public sealed class ImageDocumentReader : IDocumentReader
{
    private readonly IOcrEngine? ocr;

    /// <summary>A reader that refuses images with a clear reason (no OCR engine).</summary>
    public ImageDocumentReader()
    {
    }

    /// <summary>A reader that OCRs images with <paramref name="ocr"/>.</summary>
    public ImageDocumentReader(IOcrEngine ocr) => this.ocr = ocr;

    /// <inheritdoc />
    public bool CanRead(DocumentKind kind) => kind is DocumentKind.Png or DocumentKind.Jpeg or DocumentKind.Tiff or DocumentKind.WebP;

    /// <inheritdoc />
    public async Task<ExtractedDocument> ReadAsync(Stream content, ReaderContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var maxPages = Math.Min(context.Limits.MaxPages, ocr?.Options.MaxPages ?? context.Limits.MaxPages);
        var frames = ImageHeader.Frames(bytes, context.Kind, maxPages);
        if (frames.Count > maxPages)
        {
            throw new DocumentLimitExceededException(
                $"The image has more than {maxPages:N0} pages, the OCR page limit. Split it into smaller files and upload them separately.");
        }

        CheckPixels(frames, ocr?.Options.MaxPixelsPerPage ?? new OcrOptions().MaxPixelsPerPage);
        await OcrText.RequireAsync(ocr, "The file is an image, so it", cancellationToken);
        var directory = OcrScratch.Create();
        try
        {
            var path = Path.Combine(directory.FullName, "image" + Extension(context.Kind));
            await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();

            // Tesseract reads every frame in one run, so progress moves from none to all.
            context.AllowOcrPages(frames.Count, ocr!.Options);
            context.OcrProgress?.Report((0, frames.Count));
            var pages = await ocr!.RecognizeAsync(path, frames.Count, cancellationToken);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            context.OcrProgress?.Report((frames.Count, frames.Count));
            var builder = DocumentTextBuilder.For(context.Kind, context, cancellationToken);
            foreach (var page in pages)
            {
                // Image boxes are kept in pixels (one pixel one point), origin moved to the bottom-left like PDF boxes.
                var height = frames[Math.Clamp(page.Number - 1, 0, frames.Count - 1)].Height;
                OcrText.Append(page, page.Number, builder, 1.0, height);
            }

            var dropped = pages.Sum(p => p.DroppedWords);
            if (dropped > 0)
            {
                builder.Warnings.Add(OcrText.DroppedWarning(dropped, ocr.Options.MinWordConfidence));
            }

            return builder.Build(frames.Count) with { Ocr = new OcrStatistics(frames.Count, Math.Round(elapsed.TotalMilliseconds, 1)) };
        }
        catch (TimeoutException ex)
        {
            throw new DocumentLimitExceededException(
                $"OCR of the image took longer than {ocr!.Options.PageTimeoutSeconds:N0} seconds per page (ChatRag:Ocr:PageTimeoutSeconds) and was stopped. Scale it down to 300 dpi or split it and upload it again.",
                ex);
        }
        catch (EmptyDocumentException ex)
        {
            throw new EmptyDocumentException("OCR found no readable text in the image. Check that it shows text and is sharp enough (300 dpi scans work best).", ex);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void CheckPixels(IReadOnlyList<(long Width, long Height)> frames, long maxPixels)
    {
        for (var i = 0; i < frames.Count; i++)
        {
            var (width, height) = frames[i];
            if (width * height > maxPixels)
            {
                throw new DocumentLimitExceededException(
                    $"Page {i + 1} of the image is {width:N0} x {height:N0} pixels; the limit is {maxPixels:N0} pixels per page (ChatRag:Ocr:MaxPixelsPerPage). Scale it down (300 dpi is enough) and upload it again.");
            }
        }
    }

    private static string Extension(DocumentKind kind) => kind switch
    {
        DocumentKind.Png => ".png",
        DocumentKind.Jpeg => ".jpg",
        DocumentKind.Tiff => ".tif",
        _ => ".webp",
    };
}

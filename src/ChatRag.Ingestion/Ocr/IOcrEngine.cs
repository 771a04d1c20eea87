namespace ChatRag.Ingestion.Ocr;

/// <summary>Recognises text in page images and renders PDF pages to images; bounded in time and concurrency.</summary>
public interface IOcrEngine
{
    /// <summary>Options in force (DPI, page and pixel budgets, confidence floor).</summary>
    OcrOptions Options { get; }

    /// <summary>Whether OCR can run; probed once and cached.</summary>
    Task<OcrAvailability> GetAvailabilityAsync(CancellationToken cancellationToken = default);

    /// <summary>Recognises every page of an image file (a multi-frame TIFF gives several), allowing <paramref name="pages"/> page timeouts.</summary>
    Task<IReadOnlyList<OcrPage>> RecognizeAsync(string imagePath, int pages, CancellationToken cancellationToken = default);

    /// <summary>Renders one page of a PDF file to a PNG in <paramref name="directory"/> at <paramref name="dpi"/>; returns its path.</summary>
    Task<string> RenderPdfPageAsync(string pdfPath, int page, int dpi, string directory, CancellationToken cancellationToken = default);
}

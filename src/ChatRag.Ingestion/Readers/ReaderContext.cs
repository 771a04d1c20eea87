using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Ocr;

namespace ChatRag.Ingestion.Readers;

/// <summary>What a reader knows about the document beyond its bytes.</summary>
/// <param name="FileName">Display name of the upload (already sanitised).</param>
/// <param name="Kind">Detected format.</param>
/// <param name="Limits">Limits to enforce while reading.</param>
public sealed record ReaderContext(string FileName, DocumentKind Kind, IngestionLimitsOptions Limits)
{
    /// <summary>
    /// Told (pages done, pages in all) as scanned pages and image frames are OCR'd, so a long scan shows it moving;
    /// the total can grow when a page's text layer turns out to be unusable. Null when nobody listens.
    /// </summary>
    public IProgress<(int Done, int Total)>? OcrProgress { get; init; }

    /// <summary>The extraction's time limit; OCR extends it by each page's time limit before the page starts.</summary>
    internal ExtendableDeadline? Deadline { get; init; }

    /// <summary>Gives the document <paramref name="pages"/> more page time limits, before they are read.</summary>
    internal void AllowOcrPages(int pages, OcrOptions options) =>
        Deadline?.Extend(TimeSpan.FromSeconds((double)options.PageTimeoutSeconds * pages));
}

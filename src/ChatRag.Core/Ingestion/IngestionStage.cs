namespace ChatRag.Core.Ingestion;

/// <summary>
/// The stages a document's progress can be in while it is processed: what <see cref="DocumentInfo.ProgressDone"/> and
/// <see cref="DocumentInfo.ProgressTotal"/> count.
/// </summary>
public static class IngestionStage
{
    /// <summary>Scanned pages (or image frames) recognised by OCR, of those found so far.</summary>
    public const string Ocr = "ocr";

    /// <summary>Chunks embedded and indexed, of the document's chunks.</summary>
    public const string Embed = "embed";
}

namespace ChatRag.Ingestion.Model;

/// <summary>One structural block of an extracted document; its text is <c>Text[StartOffset..EndOffset]</c> of the document.</summary>
/// <param name="Kind">What the block is.</param>
/// <param name="StartOffset">Offset of the block in <see cref="ExtractedDocument.Text"/>.</param>
/// <param name="EndOffset">Offset one past the block's end.</param>
/// <param name="Page">1-based page, slide or sheet number, when the format has one.</param>
/// <param name="HeadingPath">Headings above the block (for a heading: including itself), outermost first.</param>
/// <param name="HeadingLevel">1..6 for headings; 0 otherwise.</param>
/// <param name="Regions">PDF only: word boxes with their offsets, for highlighting; empty for other formats.</param>
public sealed record DocumentBlock(
    BlockKind Kind,
    int StartOffset,
    int EndOffset,
    int? Page,
    IReadOnlyList<string> HeadingPath,
    int HeadingLevel,
    IReadOnlyList<PageRegion> Regions)
{
    /// <summary>Mean Tesseract confidence (0-100) of the block's words when its text came from OCR; null for a text layer.</summary>
    public double? OcrConfidence { get; init; }

    /// <summary>Length of the block's text.</summary>
    public int Length => EndOffset - StartOffset;
}

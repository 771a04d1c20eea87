namespace ChatRag.Ingestion.Model;

/// <summary>
/// The text of a document with its structure: blocks in reading order, each pointing into <see cref="Text"/>.
/// Blocks are separated in <see cref="Text"/> by a blank line, so offsets are stable and human-readable.
/// </summary>
/// <param name="Kind">Format the text was read from.</param>
/// <param name="Text">All extracted text.</param>
/// <param name="Blocks">Structural blocks in reading order.</param>
/// <param name="PageCount">Pages, slides or sheets, when the format has them.</param>
/// <param name="Warnings">Things a person may want to know (content truncated at a limit, extension did not match content, ...).</param>
public sealed record ExtractedDocument(
    DocumentKind Kind,
    string Text,
    IReadOnlyList<DocumentBlock> Blocks,
    int? PageCount,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Pages read by OCR and the time OCR took (rendering included), when any page was; null otherwise.</summary>
    public OcrStatistics? Ocr { get; init; }

    /// <summary>The text of one block.</summary>
    public string TextOf(DocumentBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return Text[block.StartOffset..block.EndOffset];
    }
}

using ChatRag.Core.Documents;

namespace ChatRag.Ingestion.Chunking;

/// <summary>
/// One chunk of an extracted document. <see cref="Text"/> is always <see cref="ContextPrefix"/> followed by
/// <c>document.Text[StartOffset..EndOffset]</c>, so a citation can be mapped back to the exact source span.
/// </summary>
/// <param name="Ordinal">Position in the document, from 0.</param>
/// <param name="Text">What gets embedded and indexed: context prefix plus the source span.</param>
/// <param name="ContextPrefix">Heading path (and a repeated table header) written before the span, or empty.</param>
/// <param name="StartOffset">Start of the span in the extracted text.</param>
/// <param name="EndOffset">One past the end of the span.</param>
/// <param name="Page">1-based page, slide or sheet of the span's start, when the format has one.</param>
/// <param name="HeadingPath">Headings above the span, outermost first.</param>
/// <param name="TokenCount">Tokens of <see cref="Text"/> by the chunker's token counter.</param>
public sealed record DocumentChunk(
    int Ordinal,
    string Text,
    string ContextPrefix,
    int StartOffset,
    int EndOffset,
    int? Page,
    IReadOnlyList<string> HeadingPath,
    int TokenCount)
{
    /// <summary>Separator between headings in <see cref="HeadingPathText"/>, the format <see cref="ChunkRecord.HeadingPath"/> uses.</summary>
    public const string HeadingSeparator = " > ";

    /// <summary>The heading path joined with " > ", or null when there is none.</summary>
    public string? HeadingPathText => HeadingPath.Count == 0 ? null : string.Join(HeadingSeparator, HeadingPath);

    /// <summary>Mean OCR confidence (0-100) when the span was read from a scan or image; null for a text layer.</summary>
    public double? OcrConfidence { get; init; }

    /// <summary>The record the document store takes.</summary>
    public NewChunk ToNewChunk() => new(Ordinal, Text, Page, HeadingPathText, StartOffset, EndOffset) { OcrConfidence = OcrConfidence };
}

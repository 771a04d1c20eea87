namespace ChatRag.Core.Documents;

/// <summary>A stored chunk of a document, with where it came from.</summary>
/// <param name="Id">Stable chunk id (the storage row id; also the vector point id).</param>
/// <param name="DocumentId">Owning document.</param>
/// <param name="DocumentName">Display name of the owning document.</param>
/// <param name="Collection">Collection the document belongs to.</param>
/// <param name="Ordinal">Position of the chunk inside its document, from 0.</param>
/// <param name="Text">The chunk text as indexed.</param>
/// <param name="Page">1-based page, slide or sheet number, when the format has one.</param>
/// <param name="HeadingPath">Headings above the chunk joined with " > ", when known.</param>
/// <param name="StartOffset">Character offset of the chunk in the document's extracted text.</param>
/// <param name="EndOffset">Character offset one past the chunk's end.</param>
public sealed record ChunkRecord(
    long Id,
    Guid DocumentId,
    string DocumentName,
    string Collection,
    int Ordinal,
    string Text,
    int? Page,
    string? HeadingPath,
    int StartOffset,
    int EndOffset)
{
    /// <summary>Mean OCR confidence (0-100) when the chunk was read from a scan or image; null otherwise.</summary>
    public double? OcrConfidence { get; init; }
}

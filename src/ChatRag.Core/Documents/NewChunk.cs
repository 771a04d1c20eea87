namespace ChatRag.Core.Documents;

/// <summary>A chunk about to be stored; the store assigns its id.</summary>
public sealed record NewChunk(
    int Ordinal,
    string Text,
    int? Page = null,
    string? HeadingPath = null,
    int StartOffset = 0,
    int EndOffset = 0)
{
    /// <summary>Mean OCR confidence (0-100) when the chunk was read from a scan or image; null otherwise.</summary>
    public double? OcrConfidence { get; init; }
}

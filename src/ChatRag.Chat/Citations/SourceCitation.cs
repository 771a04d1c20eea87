namespace ChatRag.Chat.Citations;

/// <summary>
/// A citation of an answer, resolved to its source passage and checked against it. The engine's own record (the
/// server maps it to the REST contract); its JSON under web defaults is the contract's, which the stored
/// conversation relies on.
/// </summary>
/// <param name="Index">The number used in the answer.</param>
/// <param name="DocumentId">The cited document.</param>
/// <param name="DocumentName">Its display name.</param>
/// <param name="ChunkId">The cited passage.</param>
/// <param name="Text">The passage text.</param>
/// <param name="Page">1-based page, when the format has pages.</param>
/// <param name="StartOffset">Offset of the passage in the document's extracted text.</param>
/// <param name="EndOffset">Offset one past its end.</param>
/// <param name="Supported">False when any sentence citing it is not supported by the passage.</param>
/// <param name="Score">Lowest support score (0..1) of the sentences citing it.</param>
/// <param name="Claims">The answer sentences that cite it, each with its check.</param>
public sealed record SourceCitation(
    int Index,
    Guid DocumentId,
    string DocumentName,
    long ChunkId,
    string Text,
    int? Page,
    int StartOffset,
    int EndOffset,
    bool Supported,
    double Score,
    IReadOnlyList<ClaimSupport> Claims)
{
    /// <summary>Mean OCR confidence (0-100) when the passage was read from a scan or image; absent otherwise.</summary>
    public double? OcrConfidence { get; init; }
}

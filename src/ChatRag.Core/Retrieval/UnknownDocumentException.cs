namespace ChatRag.Core.Retrieval;

/// <summary>
/// A request chose a document that does not exist in the searched collections; maps to HTTP 404. A document of another
/// collection reads the same as a missing one, so a scoped caller cannot probe ids.
/// </summary>
public sealed class UnknownDocumentException(Guid documentId, IReadOnlyCollection<string> collections)
    : KeyNotFoundException($"Document '{documentId}' does not exist in collection '{string.Join("', '", collections)}'.")
{
    /// <summary>The document that was not found.</summary>
    public Guid DocumentId { get; } = documentId;
}

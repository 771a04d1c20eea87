namespace ChatRag.Core.Ingestion;

/// <summary>One page of the document list, and where the next one starts (null on the last page).</summary>
/// <param name="Documents">The documents of this page, newest first.</param>
/// <param name="Next">The cursor for the next page, or null when there is none.</param>
public sealed record DocumentPage(IReadOnlyList<DocumentInfo> Documents, DocumentCursor? Next);

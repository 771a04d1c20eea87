namespace ChatRag.Mcp.Results;

/// <summary>What <c>list_documents</c> returns.</summary>
/// <param name="Documents">The documents of this page, newest first.</param>
/// <param name="NextCursor">Pass it as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record DocumentListing(IReadOnlyList<DocumentEntry> Documents, string? NextCursor);

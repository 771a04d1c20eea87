namespace ChatRag.Mcp.Results;

/// <summary>One passage found by <c>search_documents</c>.</summary>
/// <param name="DocumentId">The document to pass to <c>read_document</c>.</param>
/// <param name="DocumentName">The document's file name.</param>
/// <param name="Collection">The collection it belongs to.</param>
/// <param name="ChunkId">The passage id.</param>
/// <param name="Page">1-based page (or slide, sheet), when the format has pages.</param>
/// <param name="Heading">The headings above the passage, when known.</param>
/// <param name="Score">Relevance; higher is better, comparable only within one answer.</param>
/// <param name="Text">The passage text.</param>
public sealed record SearchHit(Guid DocumentId, string DocumentName, string Collection, long ChunkId, int? Page, string? Heading, double Score, string Text);

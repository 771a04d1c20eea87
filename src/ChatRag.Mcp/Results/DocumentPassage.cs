namespace ChatRag.Mcp.Results;

/// <summary>One passage of a document read by <c>read_document</c>, in reading order.</summary>
/// <param name="ChunkId">The passage id.</param>
/// <param name="Ordinal">Its position in the document, from 0.</param>
/// <param name="Page">1-based page (or slide, sheet), when the format has pages.</param>
/// <param name="Heading">The headings above the passage, when known.</param>
/// <param name="Text">The passage text.</param>
public sealed record DocumentPassage(long ChunkId, int Ordinal, int? Page, string? Heading, string Text);

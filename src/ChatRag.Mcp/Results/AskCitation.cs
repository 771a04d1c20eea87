namespace ChatRag.Mcp.Results;

/// <summary>A source of an <c>ask</c> answer: the <c>[n]</c> marker in the answer refers to <see cref="Index"/>.</summary>
/// <param name="Index">The marker number.</param>
/// <param name="DocumentId">The cited document (for <c>read_document</c>).</param>
/// <param name="DocumentName">Its file name.</param>
/// <param name="ChunkId">The cited passage.</param>
/// <param name="Page">1-based page, when the format has pages.</param>
/// <param name="Text">The cited passage text.</param>
/// <param name="Supported">Whether the checker found the claims in the passage; false marks a weakly supported citation.</param>
public sealed record AskCitation(int Index, Guid DocumentId, string DocumentName, long ChunkId, int? Page, string Text, bool Supported);

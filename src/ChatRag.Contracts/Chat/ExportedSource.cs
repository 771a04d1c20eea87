namespace ChatRag.Contracts.Chat;

/// <summary>A passage an answer was given to work from, in a conversation export.</summary>
/// <param name="Index">Its number in the answer's source list (what <c>[n]</c> refers to).</param>
/// <param name="DocumentId">The document.</param>
/// <param name="DocumentName">Its display name.</param>
/// <param name="ChunkId">The passage.</param>
/// <param name="Page">1-based page, when the format has pages.</param>
public sealed record ExportedSource(int Index, Guid DocumentId, string DocumentName, long ChunkId, int? Page);

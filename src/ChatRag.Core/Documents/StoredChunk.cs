namespace ChatRag.Core.Documents;

/// <summary>Id and text of a chunk the store has just written, ready to be embedded.</summary>
public sealed record StoredChunk(long Id, Guid DocumentId, string Collection, string Text);

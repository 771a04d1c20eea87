namespace ChatRag.Core.Indexing;

/// <summary>One chunk embedding to store in a vector space.</summary>
/// <param name="ChunkId">The chunk's id; also the point id in the index.</param>
/// <param name="DocumentId">Owning document, so a document's vectors can be deleted together.</param>
/// <param name="Collection">The ChatRag collection, used to filter inside the search.</param>
/// <param name="Vector">The embedding, L2-normalised.</param>
/// <param name="Text">Chunk text, for indexes that build their own sparse (lexical) vectors; may be null.</param>
public sealed record VectorRecord(long ChunkId, Guid DocumentId, string Collection, ReadOnlyMemory<float> Vector, string? Text = null);

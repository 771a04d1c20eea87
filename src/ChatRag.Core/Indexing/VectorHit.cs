namespace ChatRag.Core.Indexing;

/// <summary>A vector search hit: the chunk and its cosine similarity to the query.</summary>
public readonly record struct VectorHit(long ChunkId, float Score);

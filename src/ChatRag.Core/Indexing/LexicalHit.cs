namespace ChatRag.Core.Indexing;

/// <summary>A lexical (BM25) hit; higher scores are better.</summary>
public readonly record struct LexicalHit(long ChunkId, double Score);

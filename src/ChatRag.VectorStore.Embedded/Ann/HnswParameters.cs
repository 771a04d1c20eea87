namespace ChatRag.VectorStore.Embedded.Ann;

/// <summary>Graph settings of one HNSW index.</summary>
internal sealed record HnswParameters(int Connectivity, int ExpansionAdd, int ExpansionSearch, int BuildThreads, int SearchThreads);

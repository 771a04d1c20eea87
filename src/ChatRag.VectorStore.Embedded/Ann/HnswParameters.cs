using Cloud.Unum.USearch;

namespace ChatRag.VectorStore.Embedded.Ann;

/// <summary>Graph settings of one HNSW index; <paramref name="Quantization"/> is the scalar type the graph stores.</summary>
internal sealed record HnswParameters(int Connectivity, int ExpansionAdd, int ExpansionSearch, int BuildThreads, int SearchThreads, ScalarKind Quantization);

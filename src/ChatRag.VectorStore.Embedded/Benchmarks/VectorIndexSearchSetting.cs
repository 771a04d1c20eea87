namespace ChatRag.VectorStore.Embedded.Benchmarks;

/// <summary>One point of a search-parameter sweep over the same graph.</summary>
/// <param name="ExpansionSearch">HNSW search expansion (ef).</param>
/// <param name="Oversampling">Candidates fetched per requested hit before exact re-scoring.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P95Ms">95th percentile latency.</param>
/// <param name="Recall">Mean recall at the benchmark's k against exact search.</param>
public sealed record VectorIndexSearchSetting(int ExpansionSearch, int Oversampling, double P50Ms = 0, double P95Ms = 0, double Recall = 0);

namespace ChatRag.VectorStore.Embedded.Benchmarks;

/// <summary>Numbers from one <see cref="VectorIndexBenchmark"/> run. Latencies are single-query, in milliseconds.</summary>
/// <param name="Count">Vectors indexed (one collection, so one partition).</param>
/// <param name="Dimensions">Vector length.</param>
/// <param name="Queries">Queries timed per mode.</param>
/// <param name="Top">Hits per query (recall is measured at this k).</param>
/// <param name="Connectivity">HNSW connectivity used.</param>
/// <param name="ExpansionAdd">HNSW build expansion used.</param>
/// <param name="ExpansionSearch">HNSW search expansion used.</param>
/// <param name="IngestSeconds">Upserting every vector in batches, journal writes and graph construction included.</param>
/// <param name="ReopenSeconds">Disposing and reopening the index (journal replay and graph load) plus the first search.</param>
/// <param name="AnnP50Ms">Median latency through the HNSW graph (with exact re-scoring).</param>
/// <param name="AnnP95Ms">95th percentile latency through the graph.</param>
/// <param name="ExactP50Ms">Median latency of the exact SIMD scan of the same partition.</param>
/// <param name="ExactP95Ms">95th percentile latency of the exact scan.</param>
/// <param name="RecallAt10">Mean share of the exact top-k that the graph search returned.</param>
/// <param name="Sweep">Extra (expansion, oversampling) settings measured on the same graph, when asked for.</param>
public sealed record VectorIndexBenchmarkResult(
    int Count,
    int Dimensions,
    int Queries,
    int Top,
    int Connectivity,
    int ExpansionAdd,
    int ExpansionSearch,
    double IngestSeconds,
    double ReopenSeconds,
    double AnnP50Ms,
    double AnnP95Ms,
    double ExactP50Ms,
    double ExactP95Ms,
    double RecallAt10,
    IReadOnlyList<VectorIndexSearchSetting> Sweep);

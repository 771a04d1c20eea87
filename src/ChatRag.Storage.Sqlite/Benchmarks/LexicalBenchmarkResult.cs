namespace ChatRag.Storage.Sqlite.Benchmarks;

/// <summary>Outcome of <see cref="LexicalSearchBenchmark"/>: corpus shape, build costs and one row per query length.</summary>
public sealed record LexicalBenchmarkResult(
    int Chunks,
    int Top,
    int Rounds,
    double IngestSeconds,
    double MemoryBuildSeconds,
    double MemoryBuildCpuSeconds,
    long MemoryBytes,
    int Terms,
    long Postings,
    IReadOnlyList<LexicalBenchmarkRow> Rows)
{
    /// <summary>Re-scored search (in-memory engine, already caught up) right after a one-chunk document was added or deleted: p50 ms.</summary>
    public double AfterChangeRescoredP50Ms { get; init; } = double.NaN;

    /// <summary>The same, p95 ms.</summary>
    public double AfterChangeRescoredP95Ms { get; init; } = double.NaN;

    /// <summary>The same searches repeated at once, with no change in between (the baseline for the two above): p50 ms.</summary>
    public double UnchangedRescoredP50Ms { get; init; } = double.NaN;

    /// <summary>The same, p95 ms.</summary>
    public double UnchangedRescoredP95Ms { get; init; } = double.NaN;
}

/// <summary>
/// Latencies (ms; the median over rounds of each round's p50 / p95) of FTS5's ranking and of the in-memory MaxScore
/// index on the same queries, the mean CPU time per query of each (this process's CPU time over a round / queries:
/// unlike wall-clock percentiles it barely moves when other processes load the machine), and how many of FTS5's top-k
/// chunks the in-memory index returned too; then the in-memory index followed by the BM25F + proximity re-scoring step
/// (<c>ChatRag:LexicalRescoring</c> with its defaults, switched on), timed the same way.
/// </summary>
public sealed record LexicalBenchmarkRow(
    int QueryWords,
    int Queries,
    double Fts5P50Ms,
    double Fts5P95Ms,
    double Fts5CpuMs,
    double MemoryP50Ms,
    double MemoryP95Ms,
    double MemoryCpuMs,
    double OverlapAtK,
    double RescoredP50Ms = double.NaN,
    double RescoredP95Ms = double.NaN,
    double RescoredCpuMs = double.NaN);

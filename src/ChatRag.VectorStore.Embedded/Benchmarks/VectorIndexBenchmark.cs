using System.Diagnostics;
using ChatRag.Core.Indexing;

namespace ChatRag.VectorStore.Embedded.Benchmarks;

/// <summary>
/// Fills an embedded index in a temporary folder with clustered synthetic vectors (see the remarks on realism in the
/// generator) and measures ingest, reopen, exact and HNSW search latency, and HNSW recall against exact search.
/// Used by the CLI <c>bench</c> verb; deletes its folder when done.
/// </summary>
public static class VectorIndexBenchmark
{
    private const string Space = "bench";
    private const string Collection = "bench";

    /// <summary>Runs the benchmark. Graph settings default to <see cref="EmbeddedVectorIndexOptions"/>'s defaults.</summary>
    /// <param name="count">Vectors to index.</param>
    /// <param name="dims">Vector length (384 matches the bundled encoders).</param>
    /// <param name="queries">Queries timed in each mode.</param>
    /// <param name="top">Hits per query; recall is measured at this k.</param>
    /// <param name="options">Index settings to try (the data directory is replaced by a temporary one).</param>
    /// <param name="progress">Receives a line per phase.</param>
    /// <param name="cancellationToken">Stops between batches and queries.</param>
    public static async Task<VectorIndexBenchmarkResult> RunAsync(
        int count = 100_000,
        int dims = 384,
        int queries = 500,
        int top = 10,
        EmbeddedVectorIndexOptions? options = null,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queries, 1);
        var directory = Path.Combine(Path.GetTempPath(), "chatrag-vector-bench-" + Guid.NewGuid().ToString("N"));
        var settings = Clone(options ?? new EmbeddedVectorIndexOptions(), directory);
        var generator = new ClusteredVectors(seed: 42, dims, topics: Math.Max(10, count / 200));
        try
        {
            var index = EmbeddedVectorIndex.Create(settings);
            var ingest = Stopwatch.StartNew();
            await index.EnsureSpaceAsync(new VectorSpace(Space, dims), cancellationToken).ConfigureAwait(false);
            const int batchSize = 2_000;
            var document = Guid.NewGuid();
            for (var start = 0; start < count; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = new List<VectorRecord>(batchSize);
                for (var i = start; i < Math.Min(count, start + batchSize); i++)
                {
                    var vector = new float[dims];
                    generator.Next(vector);
                    batch.Add(new VectorRecord(i, document, Collection, vector));
                }

                await index.UpsertAsync(Space, batch, cancellationToken).ConfigureAwait(false);
            }

            ingest.Stop();
            progress?.Report($"ingested {count:N0} x {dims} in {ingest.Elapsed.TotalSeconds:F1} s");

            var reopen = Stopwatch.StartNew();
            index.Dispose();
            index = EmbeddedVectorIndex.Create(settings);
            var probe = new float[dims];
            generator.Next(probe);
            await index.SearchAsync(Space, new VectorQuery(probe, top, [Collection]), cancellationToken).ConfigureAwait(false);
            reopen.Stop();
            progress?.Report($"reopened in {reopen.Elapsed.TotalSeconds:F1} s");

            using (index)
            {
                var partition = index.Find(Space)!.PartitionOf(Collection)!;
                var queryVectors = Enumerable.Range(0, queries).Select(_ =>
                {
                    var q = new float[dims];
                    generator.Next(q);
                    return q;
                }).ToList();

                var exactTimes = new double[queries];
                var exactIds = new List<HashSet<long>>(queries);
                for (var q = 0; q < queries; q++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var started = Stopwatch.GetTimestamp();
                    var exact = partition.SearchExact(queryVectors[q], top).ToSortedList();
                    exactTimes[q] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    exactIds.Add([.. exact.Select(h => h.ChunkId)]);
                }

                progress?.Report($"exact p50 {Percentile(exactTimes, 0.50):F2} ms");
                var annTimes = new double[queries];
                double recall = 0;
                for (var q = 0; q < queries; q++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var started = Stopwatch.GetTimestamp();
                    var hits = await index.SearchAsync(Space, new VectorQuery(queryVectors[q], top, [Collection]), cancellationToken).ConfigureAwait(false);
                    annTimes[q] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    recall += exactIds[q].Count == 0 ? 1 : (double)hits.Count(h => exactIds[q].Contains(h.ChunkId)) / exactIds[q].Count;
                }

                progress?.Report(partition.HasAnn ? $"ann p50 {Percentile(annTimes, 0.50):F2} ms, recall@{top} {recall / queries:F4}" : "below the ANN threshold: searches were exact");
                return new VectorIndexBenchmarkResult(
                    count, dims, queries, top, settings.Connectivity, settings.ExpansionAdd, settings.ExpansionSearch,
                    ingest.Elapsed.TotalSeconds, reopen.Elapsed.TotalSeconds,
                    Percentile(annTimes, 0.50), Percentile(annTimes, 0.95),
                    Percentile(exactTimes, 0.50), Percentile(exactTimes, 0.95),
                    recall / queries);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
        }
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static EmbeddedVectorIndexOptions Clone(EmbeddedVectorIndexOptions source, string directory) => new()
    {
        DataDirectory = directory,
        AnnThreshold = source.AnnThreshold,
        Connectivity = source.Connectivity,
        ExpansionAdd = source.ExpansionAdd,
        ExpansionSearch = source.ExpansionSearch,
        Oversampling = source.Oversampling,
        AnnQuantization = source.AnnQuantization,
        ParallelScanThreshold = source.ParallelScanThreshold,
        CompactionRatio = source.CompactionRatio,
        CompactionMinRecords = source.CompactionMinRecords,
        DurableWrites = source.DurableWrites,
    };
}

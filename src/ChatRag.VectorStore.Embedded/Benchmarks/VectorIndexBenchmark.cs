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
    /// <param name="sweep">Optional extra search settings to measure on the same graph (build once, tune search).</param>
    /// <param name="progress">Receives a line per phase.</param>
    /// <param name="cancellationToken">Stops between batches and queries.</param>
    public static async Task<VectorIndexBenchmarkResult> RunAsync(
        int count = 100_000,
        int dims = 384,
        int queries = 500,
        int top = 10,
        EmbeddedVectorIndexOptions? options = null,
        IReadOnlyList<VectorIndexSearchSetting>? sweep = null,
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
                var (annP50, annP95, recall) = await MeasureAsync(index, queryVectors, exactIds, top, cancellationToken).ConfigureAwait(false);
                progress?.Report(partition.HasAnn ? $"ann p50 {annP50:F2} ms, recall@{top} {recall:F4}" : "below the ANN threshold: searches were exact");
                var measured = new List<VectorIndexSearchSetting>();
                foreach (var setting in partition.HasAnn ? sweep ?? [] : [])
                {
                    partition.SetSearchExpansion(setting.ExpansionSearch);
                    settings.Oversampling = setting.Oversampling;
                    var (p50, p95, r) = await MeasureAsync(index, queryVectors, exactIds, top, cancellationToken).ConfigureAwait(false);
                    measured.Add(setting with { P50Ms = p50, P95Ms = p95, Recall = r });
                    progress?.Report($"ef {setting.ExpansionSearch} x{setting.Oversampling}: p50 {p50:F2} ms, p95 {p95:F2} ms, recall@{top} {r:F4}");
                }

                return new VectorIndexBenchmarkResult(
                    count, dims, queries, top, settings.Connectivity, settings.ExpansionAdd, settings.ExpansionSearch,
                    ingest.Elapsed.TotalSeconds, reopen.Elapsed.TotalSeconds,
                    annP50, annP95,
                    Percentile(exactTimes, 0.50), Percentile(exactTimes, 0.95),
                    recall,
                    measured);
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

    private static async Task<(double P50, double P95, double Recall)> MeasureAsync(
        EmbeddedVectorIndex index, List<float[]> queryVectors, List<HashSet<long>> exactIds, int top, CancellationToken cancellationToken)
    {
        var times = new double[queryVectors.Count];
        double recall = 0;
        for (var q = 0; q < queryVectors.Count; q++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var hits = await index.SearchAsync(Space, new VectorQuery(queryVectors[q], top, [Collection]), cancellationToken).ConfigureAwait(false);
            times[q] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            recall += exactIds[q].Count == 0 ? 1 : (double)hits.Count(h => exactIds[q].Contains(h.ChunkId)) / exactIds[q].Count;
        }

        return (Percentile(times, 0.50), Percentile(times, 0.95), recall / queryVectors.Count);
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

using System.Diagnostics;
using ChatRag.Core.Documents;
using ChatRag.Core.Evaluation;
using ChatRag.Core.Indexing;
using ChatRag.Storage.Sqlite.Lexical;
using ChatRag.Storage.Sqlite.Lexical.Postings;
using ChatRag.Storage.Sqlite.Lexical.Rescoring;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Storage.Sqlite.Benchmarks;

/// <summary>
/// Lexical search latency at scale: fills a storage with synthetic chunks (<see cref="SyntheticCorpus"/>) in two
/// collections, then times FTS5's ranking and the in-memory MaxScore index on the same multi-word queries, searching one
/// collection, and checks that both return the same chunks; then times the re-scored search right after an index change
/// (<see cref="TimeAfterChangeAsync"/>).
/// </summary>
public static partial class LexicalSearchBenchmark
{
    private const int ChunksPerDocument = 20;

    /// <summary>
    /// Runs the benchmark on <paramref name="services"/> (SQLite storage, initialised). Chunks already stored there are
    /// reused, so a kept data directory skips the ingest on later runs.
    /// </summary>
    public static async Task<LexicalBenchmarkResult> RunAsync(
        IServiceProvider services,
        int chunks,
        IReadOnlyList<int> queryWords,
        int queries,
        int top,
        int rounds,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(queryWords);

        // Zero rounds or queries would otherwise end in an index error deep inside the percentile maths.
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        if (queryWords.Count == 0 || queryWords.Any(w => w < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(queryWords), "Give at least one query length, each of one word or more.");
        }

        var corpus = new SyntheticCorpus();
        var documents = services.GetRequiredService<IDocumentRepository>();
        var memory = services.GetRequiredService<MemoryLexicalIndex>();
        var fts = services.GetRequiredService<SqliteLexicalIndex>();
        var rescored = new RescoringLexicalIndex(memory, services.GetRequiredService<SqliteConnectionSettings>(), new LexicalRescoring { Enabled = true });
        var ingest = await IngestAsync(documents, corpus, chunks, progress, cancellationToken).ConfigureAwait(false);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        await memory.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        var build = clock.Elapsed.TotalSeconds;
        var buildCpu = CpuSeconds() - cpu;
        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        var (indexed, terms, postings) = memory.Statistics();
        progress?.Report($"in-memory index: {indexed:N0} chunks, {terms:N0} terms, {postings:N0} postings, {build:F1} s ({buildCpu:F1} s CPU), {bytes / 1_048_576.0:F0} MiB");

        var rows = new List<LexicalBenchmarkRow>();
        foreach (var words in queryWords)
        {
            var texts = Enumerable.Range(0, queries).Select(_ => corpus.Query(words)).ToList();
            var overlap = 0.0;
            for (var q = 0; q < texts.Count; q++)
            {
                var expected = (await fts.SearchAsync(texts[q], top, ["even"], cancellationToken: cancellationToken).ConfigureAwait(false)).Select(h => h.ChunkId).ToHashSet();
                var actual = await memory.SearchAsync(texts[q], top, ["even"], cancellationToken: cancellationToken).ConfigureAwait(false);
                overlap += expected.Count == 0 ? 1 : (double)actual.Count(h => expected.Contains(h.ChunkId)) / expected.Count;
            }

            var ftsRounds = new List<(double P50, double P95, double Cpu)>();
            var memoryRounds = new List<(double P50, double P95, double Cpu)>();
            var rescoredRounds = new List<(double P50, double P95, double Cpu)>();
            for (var round = 0; round < rounds; round++)
            {
                ftsRounds.Add(await TimeAsync(fts, texts, top, cancellationToken).ConfigureAwait(false));
                memoryRounds.Add(await TimeAsync(memory, texts, top, cancellationToken).ConfigureAwait(false));
                rescoredRounds.Add(await TimeAsync(rescored, texts, top, cancellationToken).ConfigureAwait(false));
            }

            var row = new LexicalBenchmarkRow(
                words,
                texts.Count,
                Median(ftsRounds.ConvertAll(r => r.P50)),
                Median(ftsRounds.ConvertAll(r => r.P95)),
                Median(ftsRounds.ConvertAll(r => r.Cpu)),
                Median(memoryRounds.ConvertAll(r => r.P50)),
                Median(memoryRounds.ConvertAll(r => r.P95)),
                Median(memoryRounds.ConvertAll(r => r.Cpu)),
                overlap / texts.Count,
                Median(rescoredRounds.ConvertAll(r => r.P50)),
                Median(rescoredRounds.ConvertAll(r => r.P95)),
                Median(rescoredRounds.ConvertAll(r => r.Cpu)));
            progress?.Report($"{words}-word queries: FTS5 p50 {row.Fts5P50Ms:F2} / p95 {row.Fts5P95Ms:F2} ms ({row.Fts5CpuMs:F2} ms CPU), in-memory p50 {row.MemoryP50Ms:F2} / p95 {row.MemoryP95Ms:F2} ms ({row.MemoryCpuMs:F2} ms CPU), overlap@{top} {row.OverlapAtK:F4}, re-scored p50 {row.RescoredP50Ms:F2} / p95 {row.RescoredP95Ms:F2} ms ({row.RescoredCpuMs:F2} ms CPU)");
            rows.Add(row);
        }

        var afterChange = await TimeAfterChangeAsync(documents, memory, rescored, [.. Enumerable.Range(0, Math.Min(queries, AfterChangeSearches)).Select(_ => corpus.Query(queryWords[0]))], top, cancellationToken).ConfigureAwait(false);
        progress?.Report($"{queryWords[0]}-word queries right after an index change: re-scored p50 {afterChange.ChangedP50:F2} / p95 {afterChange.ChangedP95:F2} ms; the same searches again, unchanged: p50 {afterChange.SteadyP50:F2} / p95 {afterChange.SteadyP95:F2} ms");
        return new LexicalBenchmarkResult(indexed, top, rounds, ingest, build, buildCpu, bytes, terms, postings, rows)
        {
            AfterChangeRescoredP50Ms = afterChange.ChangedP50,
            AfterChangeRescoredP95Ms = afterChange.ChangedP95,
            UnchangedRescoredP50Ms = afterChange.SteadyP50,
            UnchangedRescoredP95Ms = afterChange.SteadyP95,
        };
    }

    private static async Task<double> IngestAsync(IDocumentRepository documents, SyntheticCorpus corpus, int chunks, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var existing = await documents.CountChunksAsync("even", cancellationToken).ConfigureAwait(false)
            + await documents.CountChunksAsync("odd", cancellationToken).ConfigureAwait(false);
        if (existing >= chunks)
        {
            progress?.Report($"reusing {existing:N0} stored chunks");
            return 0;
        }

        if (existing > 0)
        {
            throw new InvalidOperationException($"The data directory holds {existing:N0} synthetic chunks, fewer than {chunks:N0}: use an empty one.");
        }

        var wanted = (chunks + ChunksPerDocument - 1) / ChunksPerDocument;
        var clock = Stopwatch.StartNew();
        for (var d = 0; d < wanted; d += 100)
        {
            var batch = Enumerable.Range(d, Math.Min(100, wanted - d)).Select(i => new NewDocumentWithChunks(
                new NewDocument(Guid.NewGuid(), $"synthetic-{i}.txt", i % 2 == 0 ? "even" : "odd", $"synthetic-{i}"),
                Enumerable.Range(0, ChunksPerDocument).Select(c => new NewChunk(c, corpus.Text(corpus.Length(60, 180)))).ToList())).ToList();
            await documents.AddDocumentsAsync(batch, cancellationToken).ConfigureAwait(false);
            if ((d / 100) % 10 == 0)
            {
                progress?.Report($"stored {Math.Min(wanted, d + 100) * ChunksPerDocument:N0} chunks");
            }
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<(double P50, double P95, double Cpu)> TimeAsync(ILexicalIndex index, IReadOnlyList<string> queries, int top, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(queries.Count);
        var cpu = CpuSeconds();
        foreach (var query in queries)
        {
            var clock = Stopwatch.StartNew();
            await index.SearchAsync(query, top, ["even"], cancellationToken: cancellationToken).ConfigureAwait(false);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        var cpuMs = (CpuSeconds() - cpu) * 1000 / queries.Count;
        return (RetrievalMetrics.Percentile(latencies, 50), RetrievalMetrics.Percentile(latencies, 95), cpuMs);
    }

    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}

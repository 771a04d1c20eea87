using System.Diagnostics;
using System.Globalization;
using ChatRag.Core.Documents;
using ChatRag.Core.Evaluation;
using Xunit.Abstractions;

namespace ChatRag.Storage.Sqlite.Tests.Benchmarks;

/// <summary>Write throughput (5k documents x 20 chunks = 100k chunks) and lexical query latency at that size.</summary>
[Trait("Category", "Benchmark")]
public sealed class IngestBenchmarks(ITestOutputHelper output)
{
    private const int Documents = 5_000;
    private const int ChunksPerDocument = 20;
    private const int WordsPerChunk = 80;

    private void Report(string how, int documents, double seconds, double cpuSeconds) =>
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{how}: {documents} docs / {documents * ChunksPerDocument} chunks in {seconds:F1} s wall ({cpuSeconds:F1} s CPU) = {documents / seconds:F0} docs/s, {documents * ChunksPerDocument / seconds:F0} chunks/s wall; {documents * ChunksPerDocument / cpuSeconds:F0} chunks per CPU-second"));

    [BenchmarkFact]
    public async Task Ingest_100k_chunks_then_search()
    {
        var random = new Random(42);

        // A Zipf-like vocabulary so posting lists have realistic shapes (a few very common words, a long tail).
        var vocabulary = Enumerable.Range(0, 30_000).Select(i => "w" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        string Word() => vocabulary[(int)Math.Min(vocabulary.Length - 1, Math.Floor(Math.Pow(random.NextDouble(), 3) * vocabulary.Length))];
        string Text() => string.Join(' ', Enumerable.Range(0, WordsPerChunk).Select(_ => Word()));

        var batches = Enumerable.Range(0, Documents)
            .Select(d => (Doc: new NewDocument(Guid.NewGuid(), $"doc{d}.txt", d % 2 == 0 ? "even" : "odd", $"hash{d}"), Chunks: (IReadOnlyList<NewChunk>)Enumerable.Range(0, ChunksPerDocument).Select(c => new NewChunk(c, Text())).ToList()))
            .ToList();

        await using var storage = await TempStorage.CreateAsync();

        // One transaction per document (what the ingestion worker does), then batches (what bulk imports should use).
        const int Single = 1_000;
        // The build machines are shared: CPU seconds of this process say more than wall time when others are busy.
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var (doc, chunks) in batches.Take(Single))
        {
            await storage.Documents.AddDocumentAsync(doc, chunks);
        }

        process.Refresh();
        Report("AddDocumentAsync, one transaction per document", Single, clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
        cpu = process.TotalProcessorTime;
        clock.Restart();
        foreach (var group in batches.Skip(Single).Chunk(100))
        {
            await storage.Documents.AddDocumentsAsync(group.Select(g => new NewDocumentWithChunks(g.Doc, g.Chunks)).ToList());
        }

        process.Refresh();
        Report("AddDocumentsAsync, 100 documents per transaction", Documents - Single, clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
        output.WriteLine($"database size: {new FileInfo(Path.Combine(storage.Directory, SqliteStorageSettings.DatabaseFileName)).Length / 1_048_576.0:F1} MiB");

        foreach (var words in new[] { 2, 5, 10 })
        {
            var latencies = new List<double>();
            for (var q = 0; q < 200; q++)
            {
                var query = string.Join(' ', Enumerable.Range(0, words).Select(_ => Word()));
                var watch = Stopwatch.StartNew();
                await storage.Lexical.SearchAsync(query, 100, ["even"]);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"search top-100, {words}-word queries, one collection of two: p50 {RetrievalMetrics.Percentile(latencies, 50):F2} ms, p95 {RetrievalMetrics.Percentile(latencies, 95):F2} ms"));
        }
    }
}

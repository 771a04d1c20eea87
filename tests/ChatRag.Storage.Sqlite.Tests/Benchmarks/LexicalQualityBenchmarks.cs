using System.Diagnostics;
using System.Globalization;
using ChatRag.Core.Documents;
using ChatRag.Core.Evaluation;
using Xunit.Abstractions;

namespace ChatRag.Storage.Sqlite.Tests.Benchmarks;

/// <summary>nDCG@10 of lexical retrieval on SciFact (English) and PIAF (French) dev queries, per configuration.</summary>
[Trait("Category", "Benchmark")]
public sealed class LexicalQualityBenchmarks(ITestOutputHelper output)
{
    [BenchmarkFact]
    public Task SciFact() => RunAsync("scifact");

    [BenchmarkFact]
    public Task Piaf() => RunAsync("piaf");

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> RankAsync(BeirDataset data, Func<string, Task<IReadOnlyList<string>>> search)
    {
        var rankings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (id, text) in data.Queries)
        {
            rankings[id] = await search(text);
        }

        return rankings;
    }

    private async Task RunAsync(string name)
    {
        var data = await BeirData.LoadAsync(name);
        output.WriteLine($"{name}: {data.Corpus.Count} docs, {data.Queries.Count} dev queries");

        await using (var storage = await TempStorage.CreateAsync())
        {
            var clock = Stopwatch.StartNew();
            foreach (var doc in data.Corpus)
            {
                var text = BeirData.Text(doc);
                await storage.Documents.AddDocumentAsync(
                    new NewDocument(Guid.NewGuid(), doc.Id, name, doc.Id, doc.Id),
                    [new NewChunk(0, text, EndOffset: text.Length)]);
            }

            output.WriteLine($"  production ingest: {data.Corpus.Count / clock.Elapsed.TotalSeconds:F0} docs/s (one transaction per document)");
            var external = await storage.Documents.GetExternalIdsAsync(name);
            var latencies = new List<double>();
            var rankings = await RankAsync(data, async q =>
            {
                var watch = Stopwatch.StartNew();
                var hits = await storage.Lexical.SearchAsync(q, 100, [name]);
                var chunks = await storage.Documents.GetChunksAsync(hits.Select(h => h.ChunkId).ToList());
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                return chunks.Select(c => external[c.DocumentId]).ToList();
            });
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  production SqliteLexicalIndex: nDCG@10 {BeirData.MeanNdcg(data, rankings):F4}  p50 {RetrievalMetrics.Percentile(latencies, 50):F2} ms  p95 {RetrievalMetrics.Percentile(latencies, 95):F2} ms"));
        }

        var scratch = Path.Combine(Path.GetTempPath(), "chatrag-variants-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            foreach (var tokenizer in new[] { "unicode61 remove_diacritics 2", "porter unicode61 remove_diacritics 2", "unicode61 remove_diacritics 0" })
            {
                await using var variant = await FtsVariant.BuildAsync(Path.Combine(scratch, Guid.NewGuid().ToString("N") + ".db"), tokenizer, data);
                var stats = await variant.StatsAsync();
                await ReportAsync(data, tokenizer, "fts5 bm25 (1.2, 0.75), title+text one column", q => variant.SearchFtsAsync(q, null));
                foreach (var weight in new[] { 2.0, 3.0 })
                {
                    await ReportAsync(data, tokenizer, $"fts5 bm25, title column weight {weight}", q => variant.SearchFtsAsync(q, weight));
                }

                foreach (var (k1, b) in new[] { (1.2, 0.75), (0.9, 0.4) })
                {
                    await ReportAsync(data, tokenizer, $"own BM25 ({k1}, {b}) over fts5vocab", q => variant.SearchOwnBm25Async(q, k1, b, stats));
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }

    private async Task ReportAsync(BeirDataset data, string tokenizer, string scoring, Func<string, Task<IReadOnlyList<string>>> search)
    {
        var ndcg = BeirData.MeanNdcg(data, await RankAsync(data, search));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{tokenizer}] {scoring}: nDCG@10 {ndcg:F4}"));
    }
}

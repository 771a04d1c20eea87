using System.Diagnostics;
using System.Text.Json;
using ChatRag.Core.Evaluation;
using ChatRag.Ingestion.Chunking;
using ChatRag.Ingestion.Tests.Fixtures;
using Xunit.Abstractions;

namespace ChatRag.Ingestion.Tests.Benchmarks;

/// <summary>
/// Throughput of the pure parts of ingestion on this machine. Run with
/// <c>CHATRAG_BENCH=1 dotnet test tests/ChatRag.Ingestion.Tests --filter Category=Benchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class IngestionBenchmarks(ITestOutputHelper output)
{
    private const string SciFactCorpus = "/work/shared/data/scifact/corpus.jsonl";

    [BenchmarkFact]
    public async Task Text_pdf_pages_per_second()
    {
        var pdf = PdfFixtures.Pages(Enumerable.Range(1, 200)
            .Select(p => (IReadOnlyList<string>)Enumerable.Range(1, 40).Select(l => $"Page {p} line {l}: retrieval augmented generation grounds answers in documents.").ToList())
            .ToList());
        var extractor = DocumentExtractor.CreateDefault();
        var chunker = Chunkers.Create(256, 0.15);
        await extractor.ExtractAsync(PdfFixtures.Numbered(2), "warm.pdf");

        var parse = Stopwatch.StartNew();
        var document = await extractor.ExtractAsync(pdf, "bench.pdf");
        parse.Stop();
        var chunk = Stopwatch.StartNew();
        var chunks = chunker.Chunk(document);
        chunk.Stop();

        Assert.Equal(200, document.PageCount);
        output.WriteLine($"PDF 200 pages x 40 lines ({pdf.Length / 1024} KiB): parse {parse.Elapsed.TotalSeconds:F2} s = {200 / parse.Elapsed.TotalSeconds:F1} pages/s; " +
            $"chunk {chunk.Elapsed.TotalMilliseconds:F0} ms ({chunks.Count} chunks, {document.Text.Length:N0} chars)");
    }

    [BenchmarkFact]
    public void SciFact_corpus_chunking_docs_per_second()
    {
        if (!File.Exists(SciFactCorpus))
        {
            output.WriteLine($"{SciFactCorpus} not found; nothing measured.");
            return;
        }

        var documents = File.ReadLines(SciFactCorpus).Select(ParseLine).ToList();
        foreach (var (target, overlap) in new[] { (256, 0.15), (128, 0.15), (512, 0.0) })
        {
            var options = Microsoft.Extensions.Options.Options.Create(new ChunkingOptions { TargetTokens = target, OverlapRatio = overlap });
            var chunker = new StructuredEvalChunker(new DocumentChunker(new WordPieceishTokenCounter(512), options), options);
            var watch = Stopwatch.StartNew();
            var chunks = documents.Sum(d => chunker.Chunk(d).Count);
            watch.Stop();
            output.WriteLine($"SciFact {documents.Count} docs, {chunker.Name}: {documents.Count / watch.Elapsed.TotalSeconds:N0} docs/s, {chunks} chunks ({(double)chunks / documents.Count:F2}/doc)");
        }
    }

    private static BeirDocument ParseLine(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new BeirDocument(root.GetProperty("_id").GetString()!, root.GetProperty("title").GetString() ?? string.Empty, root.GetProperty("text").GetString() ?? string.Empty);
    }
}

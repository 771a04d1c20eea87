using ChatRag.Core.Documents;
using ChatRag.Core.Evaluation;
using ChatRag.Core.Indexing;
using ChatRag.Core.Retrieval;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Options;

namespace ChatRag.Core.Tests.Evaluation;

public sealed class RetrievalEvaluatorTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("eval").FullName;
    private readonly InMemoryDocumentRepository repository = new();
    private readonly BruteForceVectorIndex vectors = new();
    private readonly RetrievalEvaluator evaluator;

    public RetrievalEvaluatorTests()
    {
        var encoders = FixedEncoderCatalog.Hashing();
        var searcher = new HybridSearcher(encoders, vectors, new ScanningLexicalIndex(repository), repository, Options.Create(new RetrievalOptions()));
        evaluator = new RetrievalEvaluator(repository, vectors, new ChunkIndexer(encoders, vectors), searcher, encoders);
    }

    [Theory]
    [InlineData(SearchMode.Lexical)]
    [InlineData(SearchMode.Dense)]
    [InlineData(SearchMode.Hybrid)]
    public async Task Scores_a_corpus_where_each_query_names_its_document(SearchMode mode)
    {
        var data = await WriteAsync();
        var docsPerSecond = await evaluator.IngestAsync(data, "eval", d => [new NewChunk(0, d.Title + "\n" + d.Text)]);

        var report = await evaluator.EvaluateAsync(data, "eval", mode);

        Assert.True(docsPerSecond > 0);
        Assert.Equal(3, report.Queries);
        Assert.Equal(1.0, report.Ndcg10, 6);
        Assert.Equal(1.0, report.Mrr10, 6);
        Assert.Equal(1.0, report.Recall100, 6);
    }

    [Fact]
    public async Task Reset_removes_documents_and_vectors()
    {
        var data = await WriteAsync();
        await evaluator.IngestAsync(data, "eval", d => [new NewChunk(0, d.Text)]);

        await evaluator.ResetAsync("eval");

        Assert.Equal(0, await repository.CountChunksAsync("eval"));
        Assert.Equal(0, await vectors.CountAsync("hash"));
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private async Task<BeirDataset> WriteAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(dir, "c.jsonl"), """
            {"_id": "d1", "title": "Volcanoes", "text": "magma erupts from volcanoes"}
            {"_id": "d2", "title": "Glaciers", "text": "ice sheets move slowly"}
            {"_id": "d3", "title": "Deserts", "text": "sand dunes shift with wind"}
            """);
        await File.WriteAllTextAsync(Path.Combine(dir, "q.jsonl"), """
            {"_id": "q1", "text": "magma volcanoes"}
            {"_id": "q2", "text": "ice sheets"}
            {"_id": "q3", "text": "sand dunes wind"}
            """);
        await File.WriteAllTextAsync(Path.Combine(dir, "r.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\nq3\td3\t1\n");
        return await BeirDataset.LoadAsync(Path.Combine(dir, "c.jsonl"), Path.Combine(dir, "q.jsonl"), Path.Combine(dir, "r.tsv"));
    }
}

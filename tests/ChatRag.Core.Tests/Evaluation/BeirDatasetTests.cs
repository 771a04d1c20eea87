using ChatRag.Core.Evaluation;

namespace ChatRag.Core.Tests.Evaluation;

public sealed class BeirDatasetTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("beir").FullName;

    [Fact]
    public async Task Loads_corpus_queries_and_qrels_keeping_only_judged_queries()
    {
        var data = await LoadAsync(
            "{\"_id\": \"d1\", \"title\": \"T\", \"text\": \"one\"}\n{\"_id\": 2, \"text\": \"two\"}\n",
            "{\"_id\": \"q1\", \"text\": \"what\"}\n{\"_id\": \"q2\", \"text\": \"unjudged\"}\n",
            "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\t2\t2\n");

        Assert.Equal(2, data.Corpus.Count);
        Assert.Equal("2", data.Corpus[1].Id);
        Assert.Equal(string.Empty, data.Corpus[1].Title);
        Assert.Equal(["q1"], data.Queries.Keys);
        Assert.Equal(2, data.Qrels["q1"]["2"]);
    }

    [Fact]
    public async Task Malformed_line_is_reported_with_file_and_line()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => LoadAsync("{\"_id\": \"d1\", \"text\": \"x\"}\n{not json\n", "", "q\td\t1\n"));
        Assert.Contains("corpus.jsonl:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qrels_for_missing_queries_are_an_error()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => LoadAsync("", "", "query-id\tcorpus-id\tscore\nq9\td\t1\n"));
        Assert.Contains("q9", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private async Task<BeirDataset> LoadAsync(string corpus, string queries, string qrels)
    {
        await File.WriteAllTextAsync(Path.Combine(dir, "corpus.jsonl"), corpus);
        await File.WriteAllTextAsync(Path.Combine(dir, "queries.jsonl"), queries);
        await File.WriteAllTextAsync(Path.Combine(dir, "qrels.tsv"), qrels);
        return await BeirDataset.LoadAsync(Path.Combine(dir, "corpus.jsonl"), Path.Combine(dir, "queries.jsonl"), Path.Combine(dir, "qrels.tsv"));
    }
}

using ChatRag.Storage.Sqlite.Benchmarks;

namespace ChatRag.Storage.Sqlite.Tests.Benchmarks;

/// <summary>The <c>bench lexical</c> harness on a small corpus: it runs, reuses stored chunks, and both engines agree.</summary>
public sealed class LexicalSearchBenchmarkTests
{
    [Fact]
    public async Task Small_run_reports_every_length_with_full_agreement_and_reuses_the_corpus()
    {
        await using var storage = await TempStorage.CreateAsync();

        var first = await LexicalSearchBenchmark.RunAsync(storage.Provider, chunks: 400, queryWords: [2, 5], queries: 10, top: 20, rounds: 1);
        var second = await LexicalSearchBenchmark.RunAsync(storage.Provider, chunks: 400, queryWords: [3], queries: 5, top: 20, rounds: 1);

        Assert.Equal(400, first.Chunks);
        Assert.Equal([2, 5], first.Rows.Select(r => r.QueryWords));
        Assert.All(first.Rows.Concat(second.Rows), r => Assert.Equal(1.0, r.OverlapAtK));
        Assert.True(first.Postings > 400);
        Assert.Equal(0, second.IngestSeconds);
        Assert.All([first.AfterChangeRescoredP50Ms, first.AfterChangeRescoredP95Ms, first.UnchangedRescoredP50Ms, first.UnchangedRescoredP95Ms], ms => Assert.True(ms > 0));

        // The change loop leaves the corpus as it was.
        Assert.Equal(400, await storage.Documents.CountChunksAsync("even") + await storage.Documents.CountChunksAsync("odd"));
    }

    [Fact]
    public void Synthetic_queries_skip_the_function_word_ranks()
    {
        var corpus = new SyntheticCorpus(vocabulary: 1_000, seed: 1);
        var common = new SyntheticCorpus(vocabulary: 1_000, seed: 2).Text(5_000).Split(' ')
            .GroupBy(w => w).OrderByDescending(g => g.Count()).Take(10).Select(g => g.Key).ToHashSet();

        var queryWords = Enumerable.Range(0, 200).SelectMany(_ => corpus.Query(3).Split(' ')).ToList();

        Assert.DoesNotContain(queryWords, common.Contains);
    }
}

using ChatRag.Core.Indexing;
using ChatRag.Storage.Sqlite.Lexical;
using ChatRag.Storage.Sqlite.Lexical.Postings;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Storage.Sqlite.Tests.Lexical;

/// <summary>The in-memory index against FTS5's own ranking, and its consistency with the chunk rows.</summary>
public sealed class MemoryLexicalIndexTests
{
    [Fact]
    public async Task Ranks_like_fts5_bm25_on_a_random_corpus()
    {
        await using var storage = await TempStorage.CreateAsync();
        var random = new Random(3);
        var words = new[] { "running", "runs", "résumé", "resume", "cell", "cells", "Protein", "l'homme", "été", "quantum", "the", "de" }
            .Concat(Enumerable.Range(0, 200).Select(i => $"w{i}")).ToArray();
        string Text() => string.Join(' ', Enumerable.Range(0, random.Next(3, 40)).Select(_ => words[(int)(Math.Pow(random.NextDouble(), 2) * words.Length)]));
        for (var d = 0; d < 60; d++)
        {
            await storage.Documents.AddDocumentAsync(TestData.Document(d % 3 == 0 ? "other" : "default"), TestData.Chunks([.. Enumerable.Range(0, 5).Select(_ => Text())]));
        }

        var fts = storage.Provider.GetRequiredService<SqliteLexicalIndex>();
        var memory = storage.Provider.GetRequiredService<MemoryLexicalIndex>();
        for (var q = 0; q < 100; q++)
        {
            var query = string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => words[random.Next(words.Length)]));
            string[] scope = q % 2 == 0 ? ["default"] : ["default", "other"];
            var expected = await fts.SearchAsync(query, 20, scope);
            var actual = await memory.SearchAsync(query, 20, scope);
            AssertSameRanking(expected, actual);
        }
    }

    [Fact]
    public async Task Warm_up_builds_the_copy_before_any_search()
    {
        await using var storage = await TempStorage.CreateAsync();
        await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks("alpha beta", "gamma"));
        var memory = storage.Provider.GetRequiredService<MemoryLexicalIndex>();
        Assert.Equal(0, memory.Statistics().Chunks);

        await ((ILexicalIndex)memory).WarmUpAsync();

        Assert.Equal(2, memory.Statistics().Chunks);
        Assert.Single(await memory.SearchAsync("gamma", 10, ["default"]));
    }

    [Fact]
    public async Task Sees_adds_and_deletes_immediately()
    {
        await using var storage = await TempStorage.CreateAsync();
        var first = TestData.Document();
        await storage.Documents.AddDocumentAsync(first, TestData.Chunks("alpha beta", "gamma"));
        Assert.Single(await storage.Lexical.SearchAsync("alpha", 10, ["default"]));

        var second = TestData.Document();
        var added = await storage.Documents.AddDocumentAsync(second, TestData.Chunks("alpha delta"));
        Assert.Equal(2, (await storage.Lexical.SearchAsync("alpha", 10, ["default"])).Count);

        await storage.Documents.DeleteDocumentAsync(first.Id);
        Assert.Equal([added[0].Id], (await storage.Lexical.SearchAsync("alpha", 10, ["default"])).Select(h => h.ChunkId));
        Assert.Empty(await storage.Lexical.SearchAsync("gamma", 10, ["default"]));
    }

    [Fact]
    public async Task Follows_writes_made_through_another_process_and_rebuilds_after_a_restart()
    {
        await using var storage = await TempStorage.CreateAsync();
        await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks("alpha"));
        Assert.Single(await storage.Lexical.SearchAsync("alpha", 10, ["default"]));

        // A second service provider on the same data directory stands for the CLI writing while the server runs.
        await using (var other = TempStorage.Build(storage.Directory))
        {
            await other.GetRequiredService<Core.Documents.IDocumentRepository>().AddDocumentAsync(TestData.Document("news"), TestData.Chunks("alpha omega"));
        }

        Assert.Single(await storage.Lexical.SearchAsync("omega", 10, ["news"]));
        Assert.Equal(2, (await storage.Lexical.SearchAsync("alpha", 10, ["default", "news"])).Count);

        await storage.RestartAsync();
        Assert.Single(await storage.Lexical.SearchAsync("omega", 10, ["news"]));
        Assert.Empty(await storage.Lexical.SearchAsync("omega", 10, ["default"]));
    }

    [Fact]
    public async Task Large_batches_of_changes_are_applied_by_a_rebuild()
    {
        await using var storage = await TempStorage.CreateAsync();
        await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks("seed"));
        Assert.Single(await storage.Lexical.SearchAsync("seed", 10, ["default"]));

        var batch = Enumerable.Range(0, 30)
            .Select(i => new Core.Documents.NewDocumentWithChunks(TestData.Document("bulk"), TestData.Chunks([.. Enumerable.Range(0, 100).Select(c => $"bulk{i} chunk{c} shared")])))
            .ToList();
        await storage.Documents.AddDocumentsAsync(batch);

        Assert.Equal(3_000, (await storage.Lexical.SearchAsync("shared", 5_000, ["bulk"])).Count);
        Assert.Equal(100, (await storage.Lexical.SearchAsync("bulk7", 5_000, ["bulk"])).Count);
        Assert.Equal(3_001, storage.Provider.GetRequiredService<MemoryLexicalIndex>().Statistics().Chunks);
    }

    [Fact]
    public async Task Concurrent_searches_and_writes_stay_consistent()
    {
        await using var storage = await TempStorage.CreateAsync();
        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                var doc = TestData.Document();
                await storage.Documents.AddDocumentAsync(doc, TestData.Chunks($"token{i} common"));
                if (i % 3 == 0)
                {
                    await storage.Documents.DeleteDocumentAsync(doc.Id);
                }
            }
        });
        var reads = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!writes.IsCompleted)
            {
                Assert.All(await storage.Lexical.SearchAsync("common", 100, ["default"]), h => Assert.True(h.Score > 0));
            }
        }));
        await Task.WhenAll([writes, .. reads]);

        var final = await storage.Lexical.SearchAsync("common", 100, ["default"]);
        Assert.Equal(26, final.Count);
        AssertSameRanking(await storage.Provider.GetRequiredService<SqliteLexicalIndex>().SearchAsync("common", 100, ["default"]), final);
    }

    private static void AssertSameRanking(IReadOnlyList<LexicalHit> expected, IReadOnlyList<LexicalHit> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Score, actual[i].Score, 1e-6);
        }

        // FTS5 orders ties arbitrarily: compare the chunk sets of each score.
        static ILookup<long, long> ByScore(IEnumerable<LexicalHit> hits) => hits.ToLookup(h => (long)Math.Round(h.Score * 1e6), h => h.ChunkId);
        var left = ByScore(expected);
        var right = ByScore(actual);
        var lastScore = (long)Math.Round(expected.LastOrDefault().Score * 1e6);
        foreach (var group in left.Where(g => g.Key != lastScore))
        {
            Assert.Equal(group.Order(), right[group.Key].Order());
        }
    }
}

using ChatRag.Core.Indexing;
using ChatRag.Storage.Sqlite.Lexical;
using ChatRag.Storage.Sqlite.Lexical.Postings;
using ChatRag.Storage.Sqlite.Lexical.Rescoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRag.Storage.Sqlite.Tests.Lexical;

/// <summary>The shared BM25F + proximity step after either engine, on real databases.</summary>
public sealed class RescoringLexicalIndexTests
{
    private static readonly LexicalRescoring On = new() { Enabled = true };

    [Fact]
    public async Task Both_engines_rank_identically_after_rescoring_on_a_random_corpus()
    {
        await using var storage = await TempStorage.CreateAsync();
        var random = new Random(5);
        var words = new[] { "running", "runs", "résumé", "cell", "cells", "Protein", "l'homme", "été", "quantum", "the", "de" }
            .Concat(Enumerable.Range(0, 120).Select(i => $"w{i}")).ToArray();
        string Line(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => words[(int)(Math.Pow(random.NextDouble(), 2) * words.Length)]));
        for (var d = 0; d < 60; d++)
        {
            await storage.Documents.AddDocumentAsync(TestData.Document(d % 3 == 0 ? "other" : "default"), TestData.Chunks([.. Enumerable.Range(0, 5).Select(_ => Line(1, 5) + "\n" + Line(3, 40))]));
        }

        var fts = new RescoringLexicalIndex(storage.Provider.GetRequiredService<SqliteLexicalIndex>(), storage.Database, On);
        var memory = new RescoringLexicalIndex(storage.Provider.GetRequiredService<MemoryLexicalIndex>(), storage.Database, On);
        var moved = 0;
        for (var q = 0; q < 100; q++)
        {
            var query = string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => words[random.Next(words.Length)]));
            string[] scope = q % 2 == 0 ? ["default"] : ["default", "other"];
            var expected = await fts.SearchAsync(query, 20, scope);
            var actual = await memory.SearchAsync(query, 20, scope);
            Assert.Equal(expected.Select(h => h.ChunkId), actual.Select(h => h.ChunkId));
            Assert.Equal(expected.Select(h => h.Score), actual.Select(h => h.Score));
            var bm25 = await storage.Provider.GetRequiredService<SqliteLexicalIndex>().SearchAsync(query, 20, scope);
            moved += bm25.Select(h => h.ChunkId).SequenceEqual(expected.Select(h => h.ChunkId)) ? 0 : 1;
        }

        // The step changes orders (otherwise the parity above would say nothing about it).
        Assert.True(moved > 10, $"re-scoring changed only {moved} of 100 orders");
    }

    [Fact]
    public async Task A_chunk_whose_first_line_holds_the_term_comes_first_and_off_keeps_the_engine_order()
    {
        await using var storage = await TempStorage.CreateAsync();
        await storage.Documents.AddDocumentAsync(TestData.Document("default"), TestData.Chunks(
            "Notes on membranes\nthe mitochondrion makes energy for the cell",
            "The mitochondrion\nnotes on membranes make energy for the cell"));
        var chunks = await LanguageAwareLexicalTests.ReadChunksAsync(storage.Database);

        foreach (var engine in new ILexicalIndex[] { storage.Provider.GetRequiredService<SqliteLexicalIndex>(), storage.Provider.GetRequiredService<MemoryLexicalIndex>() })
        {
            var rescored = await new RescoringLexicalIndex(engine, storage.Database, On).SearchAsync("mitochondrion", 10, ["default"]);
            Assert.Equal([chunks[1].Id, chunks[0].Id], rescored.Select(h => h.ChunkId));
            var off = await new RescoringLexicalIndex(engine, storage.Database, new LexicalRescoring { Enabled = false }).SearchAsync("mitochondrion", 10, ["default"]);
            Assert.Equal(await engine.SearchAsync("mitochondrion", 10, ["default"]), off);
        }
    }

    [Fact]
    public async Task Start_up_rederives_missing_title_term_counts_from_the_text_without_reindexing()
    {
        await using var storage = await TempStorage.CreateAsync();
        await storage.Documents.AddDocumentAsync(TestData.Document("default"), TestData.Chunks("Les chevaux de course\nIls mangeaient des pommes.", "one line only"));
        var stored = await TitleTermsAsync(storage);
        Assert.True(stored[0] >= 3, $"first line counted {stored[0]} terms");
        Assert.Equal(0, stored[1]);
        await storage.ScalarAsync("UPDATE Chunks SET TitleTerms = NULL; SELECT 0");
        var changes = await storage.ScalarAsync($"SELECT COALESCE(MAX(Seq), 0) FROM {LexicalChangeLog.TableName}");

        Assert.Equal(2, await LexicalBackfill.RunAsync(storage.Database, NullLogger.Instance, CancellationToken.None));

        Assert.Equal(stored, await TitleTermsAsync(storage));
        Assert.Equal(changes, await storage.ScalarAsync($"SELECT COALESCE(MAX(Seq), 0) FROM {LexicalChangeLog.TableName}"));
    }

    private static async Task<List<long>> TitleTermsAsync(TempStorage storage) =>
    [
        await storage.ScalarAsync("SELECT TitleTerms FROM Chunks ORDER BY Id LIMIT 1"),
        await storage.ScalarAsync("SELECT TitleTerms FROM Chunks ORDER BY Id LIMIT 1 OFFSET 1"),
    ];
}

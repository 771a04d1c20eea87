using ChatRag.Core.Indexing;
using ChatRag.Storage.Sqlite.Lexical;
using ChatRag.Storage.Sqlite.Lexical.Postings;
using ChatRag.Storage.Sqlite.Lexical.Rescoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRag.Storage.Sqlite.Tests.Lexical;

/// <summary>
/// The re-scoring's collection statistics come from running sums (<c>LexicalStatistics</c>, <c>Chunks.BodyTerms</c>)
/// instead of a scan of <c>Chunks</c> after each index change: they must give what the scan gave, through every write.
/// </summary>
public sealed class RescoringStatisticsTests
{
    private static readonly LexicalRescoring On = new() { Enabled = true };

    [Fact]
    public async Task Rescored_results_match_a_from_scratch_computation_through_ingests_deletes_and_an_outside_title_change()
    {
        await using var storage = await TempStorage.CreateAsync();
        var corpus = new Corpus(7);
        var engines = new[]
        {
            new RescoringLexicalIndex(storage.Provider.GetRequiredService<SqliteLexicalIndex>(), storage.Database, On),
            new RescoringLexicalIndex(storage.Provider.GetRequiredService<MemoryLexicalIndex>(), storage.Database, On),
        };

        var first = await corpus.AddAsync(storage, 20, "default");
        await AssertMatchesFromScratchAsync(storage, engines, corpus);

        var second = await corpus.AddAsync(storage, 20, "other");
        await AssertMatchesFromScratchAsync(storage, engines, corpus);

        foreach (var id in first.Where((_, i) => i % 3 == 0).Concat(second.Take(5)))
        {
            Assert.True(await storage.Documents.DeleteDocumentAsync(id));
        }

        await AssertMatchesFromScratchAsync(storage, engines, corpus);

        // Another process (a backfill, say) rewrites title counts: no lexical change is logged, and the next search
        // still sees the new averages (a per-process cache keyed on the change log did not).
        await storage.ScalarAsync("UPDATE Chunks SET BodyTerms = BodyTerms + TitleTerms, TitleTerms = 0 WHERE Id % 2 = 0; SELECT 0");
        await AssertMatchesFromScratchAsync(storage, engines, corpus);

        await storage.ScalarAsync("DELETE FROM Collections WHERE Name = 'other'; SELECT 0");
        await AssertMatchesFromScratchAsync(storage, engines, corpus);
    }

    [Fact]
    public async Task Running_sums_equal_a_scan_of_the_chunks_after_writes_deletes_and_a_backfill()
    {
        await using var storage = await TempStorage.CreateAsync();
        var corpus = new Corpus(11);
        var first = await corpus.AddAsync(storage, 6, "default");
        await corpus.AddAsync(storage, 4, "other");
        await AssertSumsMatchScanAsync(storage);
        Assert.Equal(0, await storage.ScalarAsync("SELECT COUNT(*) FROM Chunks WHERE BodyTerms IS NULL"));

        await storage.Documents.DeleteDocumentAsync(first[0]);
        await AssertSumsMatchScanAsync(storage);

        // Counts cleared as an older version left them; the start-up backfill derives them again and the sums follow.
        await storage.ScalarAsync("UPDATE Chunks SET TitleTerms = NULL WHERE Id % 2 = 0; UPDATE Chunks SET BodyTerms = NULL; SELECT 0");
        Assert.True(await LexicalBackfill.RunAsync(storage.Database, NullLogger.Instance, CancellationToken.None) > 0);
        Assert.Equal(0, await storage.ScalarAsync("SELECT COUNT(*) FROM Chunks WHERE BodyTerms IS NULL OR TitleTerms IS NULL"));
        await AssertSumsMatchScanAsync(storage);

        await storage.ScalarAsync("DELETE FROM Collections WHERE Name = 'other'; SELECT 0");
        await AssertSumsMatchScanAsync(storage);
        Assert.Equal(0, await storage.ScalarAsync("SELECT COUNT(*) FROM LexicalStatistics WHERE Collection = 'other'"));
    }

    [Fact]
    public async Task Upgrading_a_database_from_before_the_running_sums_fills_them_and_the_body_counts()
    {
        await using var storage = await TempStorage.CreateAsync();
        await new Corpus(3).AddAsync(storage, 5, "default");
        var before = await ScanAsync(storage);

        // Back to the schema before the LexicalStatistics migration (its Down), then the next start-up.
        await using (var db = await storage.Provider.GetRequiredService<IDbContextFactory<ChatRagDbContext>>().CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261206120000_ChunkTitleTerms");
        }

        await storage.Provider.InitializeStorageAsync();

        Assert.Equal(0, await storage.ScalarAsync("SELECT COUNT(*) FROM Chunks WHERE BodyTerms IS NULL"));
        Assert.Equal(before, await ScanAsync(storage));
        await AssertSumsMatchScanAsync(storage);
    }

    [Fact]
    public async Task An_engine_that_hands_back_no_terms_is_rescored_the_same_on_a_query_analysed_again()
    {
        await using var storage = await TempStorage.CreateAsync();
        var corpus = new Corpus(5);
        await corpus.AddAsync(storage, 10, "default");
        await corpus.AddAsync(storage, 5, "other");
        var fts = storage.Provider.GetRequiredService<SqliteLexicalIndex>();
        var bundled = new RescoringLexicalIndex(fts, storage.Database, On);
        var plain = new RescoringLexicalIndex(new PlainEngine(fts), storage.Database, On);
        for (var q = 0; q < 12; q++)
        {
            var query = corpus.Query();
            Assert.Equal(await bundled.SearchAsync(query, 10, ["default"]), await plain.SearchAsync(query, 10, ["default"]));
        }

        await AssertMatchesFromScratchAsync(storage, [plain], corpus);
    }

    private static async Task AssertMatchesFromScratchAsync(TempStorage storage, IReadOnlyList<ILexicalIndex> engines, Corpus corpus)
    {
        var chunks = await ReadChunksAsync(storage);
        for (var q = 0; q < 12; q++)
        {
            var query = corpus.Query();
            string[] scope = q % 2 == 0 ? ["default"] : ["default", "other"];
            var expected = await FromScratchAsync(storage, chunks, query, 10, scope);
            foreach (var engine in engines)
            {
                var actual = await engine.SearchAsync(query, 10, scope);
                Assert.Equal(expected.Select(h => h.ChunkId), actual.Select(h => h.ChunkId));
                Assert.All(expected.Zip(actual), p => Assert.Equal(p.First.Score, p.Second.Score, 1e-9));
            }
        }
    }

    // The whole computation from the stored rows alone: averages and document frequencies by scanning every chunk's
    // stored terms, candidates from FTS5's BM25 order.
    private static async Task<List<(long ChunkId, double Score)>> FromScratchAsync(
        TempStorage storage, List<(long Id, string Collection, string? Language, string[] Terms, int Title)> chunks, string query, int top, string[] scope)
    {
        var n = Math.Max(chunks.Count, 1);
        double title = chunks.Sum(c => (long)c.Title), total = chunks.Sum(c => (long)c.Terms.Length);
        var statistics = new RescoringStatistics(chunks.Count, title / n, (total - title) / n, (total + chunks.Count) / n);
        var languages = chunks.Where(c => scope.Contains(c.Collection) && c.Language is not null).Select(c => c.Language!).Distinct().Order(StringComparer.Ordinal).ToList();
        var terms = FtsQueryBuilder.SearchTerms(query, languages);
        var bm25 = await storage.Provider.GetRequiredService<SqliteLexicalIndex>().SearchAsync(query, On.Candidates, scope);
        var byId = chunks.ToDictionary(c => c.Id);
        var candidates = bm25.Select(h => new RescoringCandidate(h.ChunkId, byId[h.ChunkId].Terms, byId[h.ChunkId].Title)).ToList();
        var ranked = FieldProximityScorer.Rank(candidates, terms, t => chunks.Count(c => c.Terms.Contains(t)), statistics, On);
        return [.. ranked.Take(top)];
    }

    private static async Task<List<(long Id, string Collection, string? Language, string[] Terms, int Title)>> ReadChunksAsync(TempStorage storage)
    {
        await using var connection = await storage.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Collection, Language, COALESCE(LexicalTerms, ''), COALESCE(TitleTerms, 0) FROM Chunks ORDER BY Id";
        var rows = new List<(long, string, string?, string[], int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var terms = reader.GetString(3);
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), terms.Length == 0 ? [] : terms.Split(' '), reader.GetInt32(4)));
        }

        return rows;
    }

    private static async Task AssertSumsMatchScanAsync(TempStorage storage)
    {
        await using var connection = await storage.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Collection || ':' || Chunks || ':' || TitleTerms || ':' || BodyTerms FROM LexicalStatistics ORDER BY Collection";
        var sums = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                sums.Add(reader.GetString(0));
            }
        }

        Assert.Equal(await ScanAsync(storage), sums);
    }

    // Per collection: chunks, title terms, and all stored terms but the title's, counted from the stored terms.
    private static async Task<List<string>> ScanAsync(TempStorage storage) =>
        [.. (await ReadChunksAsync(storage)).GroupBy(c => c.Collection).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}:{g.Count()}:{g.Sum(c => c.Title)}:{g.Sum(c => c.Terms.Length - c.Title)}")];

    // Only the public contract: the re-scoring cannot take terms or frequencies from it.
    private sealed class PlainEngine(ILexicalIndex inner) : ILexicalIndex
    {
        public Task<IReadOnlyList<LexicalHit>> SearchAsync(
            string query, int top, IReadOnlyCollection<string> collections, IReadOnlyCollection<Guid>? documents = null, CancellationToken cancellationToken = default) =>
            inner.SearchAsync(query, top, collections, documents, cancellationToken);
    }

    // Documents of a few chunks, each a title line and a body, over a small skewed vocabulary (French and English words).
    private sealed class Corpus(int seed)
    {
        private static readonly string[] Words = [.. new[] { "running", "runs", "résumé", "cell", "cells", "Protein", "l'homme", "été", "quantum", "chevaux" }
            .Concat(Enumerable.Range(0, 60).Select(i => $"w{i}"))];

        private readonly Random random = new(seed);

        public async Task<List<Guid>> AddAsync(TempStorage storage, int documents, string collection)
        {
            var ids = new List<Guid>();
            for (var d = 0; d < documents; d++)
            {
                var document = TestData.Document(collection);
                await storage.Documents.AddDocumentAsync(document, TestData.Chunks([.. Enumerable.Range(0, 4).Select(_ => Line(1, 5) + "\n" + Line(3, 30))]));
                ids.Add(document.Id);
            }

            return ids;
        }

        public string Query() => string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ => Words[random.Next(Words.Length)]));

        private string Line(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => Words[(int)(Math.Pow(random.NextDouble(), 2) * Words.Length)]));
    }
}

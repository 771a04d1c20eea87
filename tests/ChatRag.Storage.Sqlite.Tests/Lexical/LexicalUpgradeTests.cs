using ChatRag.Storage.Sqlite.Lexical;
using ChatRag.Storage.Sqlite.Lexical.Postings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Storage.Sqlite.Tests.Lexical;

/// <summary>A database written before language-aware lexical search, upgraded by the next start-up.</summary>
public sealed class LexicalUpgradeTests
{
    private const string LastMigrationBefore = "20261206050000_ChunkOcrConfidence";

    [Fact]
    public async Task Start_up_reanalyses_older_chunks_and_both_engines_find_them_by_french_inflections()
    {
        await using var storage = await TempStorage.CreateAsync(initialize: false);
        await MigrateToAsync(storage, LastMigrationBefore);
        await WriteAsOlderVersionAsync(storage.Database, "Les chevaux mangeaient des pommes dans l'écurie.", "The horses were eating apples.");

        await storage.Provider.InitializeStorageAsync();

        var rows = await LanguageAwareLexicalTests.ReadChunksAsync(storage.Database);
        Assert.Equal(["fr", "en"], rows.Select(r => r.Language));
        Assert.All(rows, r => Assert.NotEmpty(r.Terms));
        await AssertIntegrityAsync(storage.Database);
        foreach (var index in new Core.Indexing.ILexicalIndex[] { storage.Provider.GetRequiredService<SqliteLexicalIndex>(), storage.Provider.GetRequiredService<MemoryLexicalIndex>() })
        {
            Assert.Equal([rows[0].Id], (await index.SearchAsync("Quel cheval mange ?", 10, ["default"])).Select(h => h.ChunkId));
            Assert.Equal([rows[1].Id], (await index.SearchAsync("horse", 10, ["default"])).Select(h => h.ChunkId));
        }
    }

    [Fact]
    public async Task An_interrupted_upgrade_resumes_at_the_next_start()
    {
        await using var storage = await TempStorage.CreateAsync(initialize: false);
        await MigrateToAsync(storage, LastMigrationBefore);
        // Documents of 100 chunks, one more than a batch holds: the batch re-analyses whole documents, and the last waits.
        var texts = Enumerable.Range(0, LexicalBackfill.BatchSize + 100).Select(i => $"Les chevaux numéro {i} mangeaient des pommes.").ToArray();
        foreach (var document in texts.Chunk(100))
        {
            await WriteAsOlderVersionAsync(storage.Database, document);
        }

        await MigrateToAsync(storage, null);

        // A first start stopped after one batch: the batch is committed, the rest still waits.
        using (var stop = new CancellationTokenSource())
        {
            var logger = new StopAfterFirstProgress(stop);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LexicalBackfill.RunAsync(storage.Database, logger, stop.Token));
        }

        var pending = (await LanguageAwareLexicalTests.ReadChunksAsync(storage.Database)).Count(r => r.Language is null);
        Assert.InRange(pending, 1, texts.Length - 1);

        await storage.Provider.InitializeStorageAsync();

        Assert.All(await LanguageAwareLexicalTests.ReadChunksAsync(storage.Database), r => Assert.Equal("fr", r.Language));
        await AssertIntegrityAsync(storage.Database);
        Assert.Equal(texts.Length, (await storage.Lexical.SearchAsync("cheval", 1_000, ["default"])).Count);
    }

    private static async Task MigrateToAsync(TempStorage storage, string? migration)
    {
        Directory.CreateDirectory(storage.Directory);
        await using var db = await storage.Provider.GetRequiredService<IDbContextFactory<ChatRagDbContext>>().CreateDbContextAsync();
        await db.GetService<IMigrator>().MigrateAsync(migration);
    }

    // The insert the previous version's writer ran: no language, no terms; its triggers indexed the raw text.
    private static async Task WriteAsOlderVersionAsync(SqliteConnectionSettings database, params string[] texts)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        var document = Guid.NewGuid().ToString("D").ToUpperInvariant();
        command.CommandText = """
            INSERT OR IGNORE INTO Collections(Name, CreatedAt) VALUES ('default', '2026-12-01');
            INSERT INTO Documents(Id, Collection, Name, ContentHash, ExternalId, Status, Error, ChunkCount, CreatedAt, UpdatedAt)
            VALUES ($doc, 'default', 'old.txt', $doc, NULL, 'Ready', NULL, $count, '2026-12-01', '2026-12-01');
            """;
        command.Parameters.AddWithValue("$doc", document);
        command.Parameters.AddWithValue("$count", texts.Length);
        await command.ExecuteNonQueryAsync();
        for (var i = 0; i < texts.Length; i++)
        {
            await using var chunk = connection.CreateCommand();
            chunk.CommandText = "INSERT INTO Chunks(DocumentId, Collection, Ordinal, Text, StartOffset, EndOffset) VALUES ($doc, 'default', $i, $text, 0, 0)";
            chunk.Parameters.AddWithValue("$doc", document);
            chunk.Parameters.AddWithValue("$i", i);
            chunk.Parameters.AddWithValue("$text", texts[i]);
            await chunk.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task AssertIntegrityAsync(SqliteConnectionSettings database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();

        // Compares the FTS5 index with the content view: it fails if a trigger deleted tokens the index never held.
        command.CommandText = $"INSERT INTO {FtsSchema.TableName}({FtsSchema.TableName}, rank) VALUES ('integrity-check', 1)";
        await command.ExecuteNonQueryAsync();
    }

    private sealed class StopAfterFirstProgress(CancellationTokenSource stop) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => stop.Cancel();
    }
}

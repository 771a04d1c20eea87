using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatRag.Storage.Sqlite;

/// <summary>
/// Creates the data directory, switches the database to WAL, applies pending migrations and analyses chunks stored before
/// language-aware lexical search. Safe to run on every start.
/// </summary>
public sealed class SqliteStorageInitializer(
    SqliteStorageSettings settings,
    SqliteConnectionSettings database,
    IDbContextFactory<ChatRagDbContext> contexts,
    ILogger<SqliteStorageInitializer> logger)
{
    /// <summary>Brings the database to the current schema.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(settings.DatabasePath)!);

        // journal_mode is persistent in the file and cannot change inside a transaction, so set it before migrating.
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);

        // Chunks stored before language-aware lexical search get their language and terms now, before any search.
        await Lexical.LexicalBackfill.RunAsync(database, logger, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "SQLite storage ready at {Path}: {Count} migration(s) applied in {Elapsed} ms.",
            settings.DatabasePath,
            pending.Count,
            clock.ElapsedMilliseconds);
    }
}

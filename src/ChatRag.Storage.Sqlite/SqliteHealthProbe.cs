namespace ChatRag.Storage.Sqlite;

/// <summary>Checks that the database can be opened and queried (for <c>/health</c>).</summary>
public sealed class SqliteHealthProbe(SqliteConnectionSettings database)
{
    /// <summary>Returns null when healthy, else a sentence saying what failed.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();

            // Touch the real tables, not just the file: a missing schema is unhealthy too.
            command.CommandText = "SELECT (SELECT COUNT(*) FROM Collections LIMIT 1) + (SELECT COUNT(*) FROM chunks_fts WHERE rowid = 0)";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"The SQLite database cannot be queried: {e.Message}";
        }
    }
}

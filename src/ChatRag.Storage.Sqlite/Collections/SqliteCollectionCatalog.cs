using ChatRag.Core.Collections;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Collections;

/// <summary>
/// <see cref="ICollectionCatalog"/> over the Collections table. Listing counts documents with one grouped statement
/// (served by the (Collection, ContentHash) index), never by reading the documents themselves.
/// </summary>
public sealed class SqliteCollectionCatalog(SqliteConnectionSettings database, TimeProvider clock) : ICollectionCatalog
{
    private const string Select = """
        SELECT c.Name, c.DisplayName, c.Description, c.CreatedAt,
               (SELECT COUNT(*) FROM Documents d WHERE d.Collection = c.Name)
        FROM Collections c
        """ + "\n";

    /// <inheritdoc />
    public async Task<IReadOnlyList<CollectionInfo>> ListAsync(string? only, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = Select + (only is null ? string.Empty : "WHERE c.Name = $name ") + "ORDER BY c.Name";
        if (only is not null)
        {
            command.Parameters.AddWithValue("$name", only);
        }

        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CollectionInfo?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return (await ListAsync(name, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task<bool> CreateAsync(string name, string? displayName, string? description, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO Collections(Name, DisplayName, Description, CreatedAt) VALUES ($name, $display, $description, $now)";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$display", (object?)displayName ?? DBNull.Value);
        command.Parameters.AddWithValue("$description", (object?)description ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", clock.GetUtcNow().UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<CollectionInfo?> UpdateAsync(string name, string? displayName, string? description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE Collections SET DisplayName = $display, Description = $description WHERE Name = $name";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$display", (object?)displayName ?? DBNull.Value);
            command.Parameters.AddWithValue("$description", (object?)description ?? DBNull.Value);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return null;
            }
        }

        return await GetAsync(name, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;

        // Documents and their chunks (FTS entries by trigger) and jobs follow the row by cascade; conversations refer to
        // the collection by value only, so they go explicitly, messages first.
        command.CommandText = """
            DELETE FROM ConversationMessages WHERE ConversationId IN (SELECT Id FROM Conversations WHERE Collection = $name);
            DELETE FROM Conversations WHERE Collection = $name;
            DELETE FROM Collections WHERE Name = $name;
            """;
        command.Parameters.AddWithValue("$name", name);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var changes = connection.CreateCommand();
        changes.Transaction = transaction;
        changes.CommandText = "SELECT changes()";
        var removed = (long)(await changes.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed;
    }

    private static async Task<IReadOnlyList<CollectionInfo>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var result = new List<CollectionInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new CollectionInfo(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt32(4),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc))));
        }

        return result;
    }
}

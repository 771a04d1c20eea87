using ChatRag.Core.Documents;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Documents;

/// <summary>
/// <see cref="IDocumentRepository"/> over SQLite. Writes use prepared ADO.NET commands in one IMMEDIATE transaction
/// per document (the FTS5 entries follow through triggers); reads are single statements.
/// </summary>
/// <remarks>
/// Re-adding an existing document id replaces that document and all its chunks atomically (the new chunks get new
/// ids), so a retried or re-run ingestion never duplicates anything. Adding a different id whose content hash
/// already exists in the collection throws <see cref="DuplicateContentException"/>.
/// </remarks>
public sealed partial class SqliteDocumentRepository(SqliteConnectionSettings database) : IDocumentRepository
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ChunkRecord>> GetChunksAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // One JSON array parameter instead of N placeholders: one statement shape, any number of ids.
        command.CommandText = ChunkSelect + "WHERE c.Id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
        var byId = (await ReadChunksAsync(command, cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id);

        // Callers pass ids in rank order; keep it.
        var result = new List<ChunkRecord>(byId.Count);
        foreach (var id in ids)
        {
            if (byId.Remove(id, out var record))
            {
                result.Add(record);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChunkRecord>> GetDocumentChunksAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // Served by the (DocumentId, Ordinal) index: one range scan, already in reading order.
        command.CommandText = ChunkSelect + "WHERE c.DocumentId = $document ORDER BY c.Ordinal";
        command.Parameters.AddWithValue("$document", Key(documentId));
        return await ReadChunksAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> CollectionExistsAsync(string collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ScalarAsync<long>(connection, "SELECT EXISTS(SELECT 1 FROM Collections WHERE Name = $p)", collection, cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task EnsureCollectionAsync(string collection, CancellationToken cancellationToken = default)
    {
        ValidateCollection(collection);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO Collections(Name, CreatedAt) VALUES ($name, $now)";
        command.Parameters.AddWithValue("$name", collection);
        command.Parameters.AddWithValue("$now", DateTime.UtcNow);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> CountChunksAsync(string collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (int)await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM Chunks WHERE Collection = $p", collection, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<Guid, string>> GetExternalIdsAsync(string collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, ExternalId FROM Documents WHERE Collection = $p AND ExternalId IS NOT NULL";
        command.Parameters.AddWithValue("$p", collection);
        var result = new Dictionary<Guid, string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[Guid.Parse(reader.GetString(0))] = reader.GetString(1);
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<Guid, string>> GetDocumentCollectionsAsync(IReadOnlyCollection<Guid> documentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var result = new Dictionary<Guid, string>();
        if (documentIds.Count == 0)
        {
            return result;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Collection FROM Documents WHERE Id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(documentIds.Select(Key).ToList()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[Guid.Parse(reader.GetString(0))] = reader.GetString(1);
        }

        return result;
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql, object parameter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
        return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static void ValidateCollection(string collection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        if (collection.Length > 200)
        {
            throw new ArgumentException("A collection name has at most 200 characters.", nameof(collection));
        }
    }

    // EF stores Guids as upper-case text; raw statements must bind the same spelling to match.
    internal static string Key(Guid id) => id.ToString("D").ToUpperInvariant();

    private const string ChunkSelect = """
        SELECT c.Id, c.DocumentId, d.Name, c.Collection, c.Ordinal, c.Text, c.Page, c.HeadingPath, c.StartOffset, c.EndOffset, c.OcrConfidence
        FROM Chunks c JOIN Documents d ON d.Id = c.DocumentId
        """ + "\n";

    private static async Task<List<ChunkRecord>> ReadChunksAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var records = new List<ChunkRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new ChunkRecord(
                reader.GetInt64(0),
                Guid.Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt32(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetInt32(8),
                reader.GetInt32(9))
            {
                OcrConfidence = reader.IsDBNull(10) ? null : reader.GetDouble(10),
            });
        }

        return records;
    }
}

using System.Diagnostics;
using ChatRag.Core.Documents;
using ChatRag.Storage.Sqlite.Diagnostics;
using ChatRag.Storage.Sqlite.Entities;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Documents;

/// <content>Writes: add (document + chunks + FTS in one transaction) and delete.</content>
public sealed partial class SqliteDocumentRepository
{
    private const int SqliteConstraintUnique = 2067;

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredChunk>> AddDocumentAsync(NewDocument document, IReadOnlyList<NewChunk> chunks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(chunks);
        ValidateCollection(document.Collection);
        ArgumentException.ThrowIfNullOrWhiteSpace(document.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(document.ContentHash);
        var ordered = chunks.OrderBy(c => c.Ordinal).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Ordinal == ordered[i - 1].Ordinal)
            {
                throw new ArgumentException($"Chunk ordinal {ordered[i].Ordinal} appears twice.", nameof(chunks));
            }
        }

        using var activity = SqliteStorageTelemetry.ActivitySource.StartActivity("sqlite.add_document");
        activity?.SetTag("chatrag.collection", document.Collection);
        activity?.SetTag("chatrag.chunks", ordered.Count);
        var clock = Stopwatch.StartNew();

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // IMMEDIATE takes the write lock up front, so concurrent writers queue on busy_timeout instead of deadlocking.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = DateTime.UtcNow;
        var id = Key(document.Id);
        await ExecuteAsync(connection, "INSERT OR IGNORE INTO Collections(Name, CreatedAt) VALUES ($c, $now)", cancellationToken, ("$c", document.Collection), ("$now", now)).ConfigureAwait(false);

        // Replace semantics: the old chunks (and, through the triggers, their FTS entries) go with the old row.
        await ExecuteAsync(connection, "DELETE FROM Documents WHERE Id = $id", cancellationToken, ("$id", id)).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(
                connection,
                """
                INSERT INTO Documents(Id, Collection, Name, ContentHash, ExternalId, Status, Error, ChunkCount, CreatedAt, UpdatedAt)
                VALUES ($id, $c, $name, $hash, $ext, $status, NULL, $count, $now, $now)
                """,
                cancellationToken,
                ("$id", id),
                ("$c", document.Collection),
                ("$name", document.Name),
                ("$hash", document.ContentHash),
                ("$ext", (object?)document.ExternalId ?? DBNull.Value),
                ("$status", DocumentStatus.Ready),
                ("$count", ordered.Count),
                ("$now", now)).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqliteConstraintUnique)
        {
            var existing = await FindByHashAsync(connection, document.Collection, document.ContentHash, cancellationToken).ConfigureAwait(false);
            throw new DuplicateContentException(document.Collection, existing);
        }

        var stored = await InsertChunksAsync(connection, document, ordered, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        SqliteStorageTelemetry.ChunksWritten.Add(stored.Count);
        SqliteStorageTelemetry.WriteDuration.Record(clock.Elapsed.TotalMilliseconds);
        return stored;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteDocumentAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        using var activity = SqliteStorageTelemetry.ActivitySource.StartActivity("sqlite.delete_document");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // Chunks cascade through the foreign key; the delete trigger removes their FTS entries in the same statement.
        var deleted = await ExecuteAsync(connection, "DELETE FROM Documents WHERE Id = $id", cancellationToken, ("$id", Key(documentId))).ConfigureAwait(false);
        if (deleted > 0)
        {
            SqliteStorageTelemetry.DocumentsDeleted.Add(1);
        }

        return deleted > 0;
    }

    private static async Task<List<StoredChunk>> InsertChunksAsync(SqliteConnection connection, NewDocument document, List<NewChunk> ordered, CancellationToken cancellationToken)
    {
        var stored = new List<StoredChunk>(ordered.Count);
        if (ordered.Count == 0)
        {
            return stored;
        }

        // One prepared statement reused for every row: the cheapest way to insert many rows through ADO.NET.
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Chunks(DocumentId, Collection, Ordinal, Text, Page, HeadingPath, StartOffset, EndOffset)
            VALUES ($doc, $c, $ord, $text, $page, $head, $start, $end) RETURNING Id
            """;
        insert.Parameters.AddWithValue("$doc", Key(document.Id));
        insert.Parameters.AddWithValue("$c", document.Collection);
        var ordinal = insert.Parameters.Add("$ord", SqliteType.Integer);
        var text = insert.Parameters.Add("$text", SqliteType.Text);
        var page = insert.Parameters.Add("$page", SqliteType.Integer);
        var heading = insert.Parameters.Add("$head", SqliteType.Text);
        var start = insert.Parameters.Add("$start", SqliteType.Integer);
        var end = insert.Parameters.Add("$end", SqliteType.Integer);
        insert.Prepare();
        foreach (var chunk in ordered)
        {
            ArgumentNullException.ThrowIfNull(chunk.Text);
            ordinal.Value = chunk.Ordinal;
            text.Value = chunk.Text;
            page.Value = (object?)chunk.Page ?? DBNull.Value;
            heading.Value = (object?)chunk.HeadingPath ?? DBNull.Value;
            start.Value = chunk.StartOffset;
            end.Value = chunk.EndOffset;
            var chunkId = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            stored.Add(new StoredChunk(chunkId, document.Id, document.Collection, chunk.Text));
        }

        return stored;
    }

    private static async Task<Guid> FindByHashAsync(SqliteConnection connection, string collection, string hash, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Documents WHERE Collection = $c AND ContentHash = $h";
        command.Parameters.AddWithValue("$c", collection);
        command.Parameters.AddWithValue("$h", hash);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string found ? Guid.Parse(found) : Guid.Empty;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

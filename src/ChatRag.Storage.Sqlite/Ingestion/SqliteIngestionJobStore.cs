using ChatRag.Core.Documents;
using ChatRag.Core.Ingestion;
using ChatRag.Storage.Sqlite.Documents;
using ChatRag.Storage.Sqlite.Entities;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Ingestion;

/// <summary>
/// <see cref="IIngestionJobStore"/> over SQLite. Each call is one statement or one IMMEDIATE transaction, so a claim
/// cannot be taken twice and a crash leaves either the old or the new state, never a mix.
/// </summary>
public sealed partial class SqliteIngestionJobStore(SqliteConnectionSettings database, TimeProvider clock) : IIngestionJobStore
{
    private const int SqliteConstraintUnique = 2067;
    private const string Queued = "queued";
    private const string Processing = "processing";
    private const string Done = "done";

    private const string SelectInfo = """
        SELECT d.Id, d.Name, d.Collection, d.Status, d.ChunkCount, d.Error,
               CASE WHEN j.DocumentId IS NULL THEN d.ChunkCount ELSE j.ProgressDone END,
               CASE WHEN j.DocumentId IS NULL THEN d.ChunkCount ELSE j.ProgressTotal END,
               COALESCE(j.SizeBytes, 0), j.ContentType, j.StoredFile, d.CreatedAt, j.Timings, j.ProgressStage
        FROM Documents d LEFT JOIN IngestionJobs j ON j.DocumentId = d.Id
        """;

    /// <inheritdoc />
    public async Task<EnqueueResult> EnqueueAsync(QueuedDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(document.Collection);
        var now = clock.GetUtcNow().UtcDateTime;
        var id = SqliteDocumentRepository.Key(document.Id);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "INSERT OR IGNORE INTO Collections(Name, CreatedAt) VALUES ($p0, $p1)", cancellationToken, document.Collection, now).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(
                connection,
                """
                INSERT INTO Documents(Id, Collection, Name, ContentHash, ExternalId, Status, Error, ChunkCount, CreatedAt, UpdatedAt)
                VALUES ($p0, $p1, $p2, $p3, NULL, $p4, NULL, 0, $p5, $p5)
                """,
                cancellationToken,
                id, document.Collection, document.Name, document.ContentHash, DocumentStatus.Queued, now).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqliteConstraintUnique)
        {
            await using var find = connection.CreateCommand();
            find.CommandText = "SELECT Id FROM Documents WHERE Collection = $c AND ContentHash = $h";
            find.Parameters.AddWithValue("$c", document.Collection);
            find.Parameters.AddWithValue("$h", document.ContentHash);
            var existing = await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            return new EnqueueResult(existing is null ? Guid.Empty : Guid.Parse(existing), Duplicate: true);
        }

        await ExecuteAsync(
            connection,
            """
            INSERT INTO IngestionJobs(DocumentId, StoredFile, ContentType, SizeBytes, State, Attempts, QueuedAt, HeartbeatAt, ProgressDone, ProgressTotal, Timings)
            VALUES ($p0, $p1, $p2, $p3, $p4, 0, $p5, NULL, 0, 0, NULL)
            """,
            cancellationToken,
            id, document.StoredFile, document.ContentType, document.SizeBytes, Queued, now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new EnqueueResult(document.Id, Duplicate: false);
    }

    /// <inheritdoc />
    public async Task<IngestionJob?> ClaimNextAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var claim = connection.CreateCommand();

        // One UPDATE ... RETURNING inside the write lock: two workers can never claim the same job.
        claim.CommandText = """
            UPDATE IngestionJobs SET State = $processing, Attempts = Attempts + 1, ClaimToken = ClaimToken + 1, HeartbeatAt = $now, ProgressDone = 0, ProgressStage = NULL
            WHERE DocumentId = (SELECT DocumentId FROM IngestionJobs WHERE State = $queued ORDER BY QueuedAt LIMIT 1)
            RETURNING DocumentId, StoredFile, Attempts, ClaimToken
            """;
        claim.Parameters.AddWithValue("$processing", Processing);
        claim.Parameters.AddWithValue("$queued", Queued);
        claim.Parameters.AddWithValue("$now", now);
        string id;
        string storedFile;
        int attempts;
        long token;
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            (id, storedFile, attempts, token) = (reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3));
        }

        await ExecuteAsync(connection, "UPDATE Documents SET Status = $p0, Error = NULL, UpdatedAt = $p1 WHERE Id = $p2", cancellationToken, DocumentStatus.Processing, now, id).ConfigureAwait(false);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT Name, Collection, ContentHash FROM Documents WHERE Id = $id";
        read.Parameters.AddWithValue("$id", id);
        IngestionJob? job = null;
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                job = new IngestionJob(Guid.Parse(id), reader.GetString(0), reader.GetString(1), reader.GetString(2), storedFile, attempts, token);
            }
        }

        if (job is null)
        {
            // An orphaned job (its document is gone): drop it and let the caller ask again.
            await ExecuteAsync(connection, "DELETE FROM IngestionJobs WHERE DocumentId = $p0", cancellationToken, id).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return job ?? await ClaimNextAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> RequeueInterruptedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            "UPDATE Documents SET Status = $p0 WHERE Id IN (SELECT DocumentId FROM IngestionJobs WHERE State = $p1)",
            cancellationToken,
            DocumentStatus.Queued, Processing).ConfigureAwait(false);
        var count = await ExecuteAsync(connection, "UPDATE IngestionJobs SET State = $p0, ProgressDone = 0, ProgressStage = NULL, ClaimToken = ClaimToken + 1 WHERE State = $p1", cancellationToken, Queued, Processing).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <inheritdoc />
    public async Task<bool> RequeueAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        var id = SqliteDocumentRepository.Key(documentId);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // A new token: a run still in progress loses its claim, so it cannot mark the document ready (losing this re-index).
        var requeued = await ExecuteAsync(
            connection,
            "UPDATE IngestionJobs SET State = $p0, ProgressDone = 0, ProgressStage = NULL, Attempts = 0, ClaimToken = ClaimToken + 1, QueuedAt = $p1 WHERE DocumentId = $p2 AND EXISTS(SELECT 1 FROM Documents WHERE Id = $p2)",
            cancellationToken,
            Queued, now, id).ConfigureAwait(false);
        if (requeued == 0)
        {
            return false;
        }

        await ExecuteAsync(connection, "UPDATE Documents SET Status = $p0, Error = NULL, UpdatedAt = $p1 WHERE Id = $p2", cancellationToken, DocumentStatus.Queued, now, id).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i, values[i] ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

using ChatRag.Core.Documents;
using ChatRag.Core.Ingestion;
using ChatRag.Storage.Sqlite.Documents;
using ChatRag.Storage.Sqlite.Entities;
using ChatRag.Storage.Sqlite.Lexical;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Ingestion;

/// <content>The worker's writes: chunks, progress and outcome.</content>
public sealed partial class SqliteIngestionJobStore
{
    /// <inheritdoc />
    /// <exception cref="KeyNotFoundException">The document or its job was deleted while it was being processed.</exception>
    public async Task<IReadOnlyList<StoredChunk>> ReplaceChunksAsync(IngestionJob job, IReadOnlyList<NewChunk> chunks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(chunks);
        var id = SqliteDocumentRepository.Key(job.DocumentId);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var created = connection.CreateCommand();

        // A document deleted mid-run must stay deleted, and a run whose claim was taken back must not replace the
        // chunks of the run that holds it now: only the current claim may write chunks.
        created.CommandText = """
            SELECT d.CreatedAt FROM Documents d JOIN IngestionJobs j ON j.DocumentId = d.Id
            WHERE d.Id = $p0 AND j.ClaimToken = $p1 AND j.State = 'processing'
            """;
        created.Parameters.AddWithValue("$p0", id);
        created.Parameters.AddWithValue("$p1", job.ClaimToken);
        var createdAt = await created.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string
            ?? throw await LostClaimAsync(connection, job, cancellationToken).ConfigureAwait(false);

        // The writer replaces the row and every old chunk (FTS entries follow through triggers) in this transaction.
        List<StoredChunk> stored;
        await using (var writer = new DocumentWriter(connection))
        {
            var ordered = chunks.OrderBy(c => c.Ordinal).ToList();
            stored = await writer.WriteAsync(new NewDocument(job.DocumentId, job.Name, job.Collection, job.ContentHash), ordered, now, cancellationToken).ConfigureAwait(false);
        }

        // The writer marks rows ready; this document is ready only once its vectors are in.
        await ExecuteAsync(connection, "UPDATE Documents SET Status = $p0, CreatedAt = $p1, ChunkCount = 0 WHERE Id = $p2", cancellationToken, DocumentStatus.Processing, createdAt, id).ConfigureAwait(false);
        await ExecuteAsync(connection, "UPDATE IngestionJobs SET ProgressDone = 0, ProgressTotal = $p0, ProgressStage = 'embed', HeartbeatAt = $p1 WHERE DocumentId = $p2", cancellationToken, stored.Count, now, id).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        // Writers trim too, so the log stays bounded whichever lexical engine (or none) reads it.
        await LexicalChangeLog.TrimIfDueAsync(connection, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <inheritdoc />
    public Task ReportProgressAsync(IngestionJob job, int done, int total, CancellationToken cancellationToken = default) =>
        ReportStageProgressAsync(job, IngestionStage.Embed, done, total, cancellationToken);

    /// <inheritdoc />
    public async Task ReportStageProgressAsync(IngestionJob job, string stage, int done, int total, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var updated = await ExecuteAsync(
            connection,
            $"UPDATE IngestionJobs SET ProgressDone = $p2, ProgressTotal = $p3, HeartbeatAt = $p4, ProgressStage = $p5 WHERE {Fenced}",
            cancellationToken,
            SqliteDocumentRepository.Key(job.DocumentId), job.ClaimToken, done, total, clock.GetUtcNow().UtcDateTime, stage).ConfigureAwait(false);
        if (updated == 0)
        {
            throw await LostClaimAsync(connection, job, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task CompleteAsync(IngestionJob job, int chunkCount, string? timings, CancellationToken cancellationToken = default) =>
        FinishAsync(job, DocumentStatus.Ready, null, chunkCount, timings, cancellationToken);

    /// <inheritdoc />
    public Task FailAsync(IngestionJob job, string error, string? timings, CancellationToken cancellationToken = default) =>
        FinishAsync(job, DocumentStatus.Failed, error, null, timings, cancellationToken);

    /// <inheritdoc />
    public async Task<DocumentInfo?> GetAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await QueryAsync(connection, SelectInfo + " WHERE d.Id = $p0", cancellationToken, SqliteDocumentRepository.Key(documentId)).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentInfo>> ListAsync(string? collection, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return collection is null
            ? await QueryAsync(connection, SelectInfo + " ORDER BY d.CreatedAt DESC", cancellationToken).ConfigureAwait(false)
            : await QueryAsync(connection, SelectInfo + " WHERE d.Collection = $p0 ORDER BY d.CreatedAt DESC", cancellationToken, collection).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DocumentInfo?> DeleteAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        var id = SqliteDocumentRepository.Key(documentId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var info = (await QueryAsync(connection, SelectInfo + " WHERE d.Id = $p0", cancellationToken, id).ConfigureAwait(false)).FirstOrDefault();

        // Chunks cascade from the document and their FTS entries follow through the delete trigger.
        await ExecuteAsync(connection, "DELETE FROM Documents WHERE Id = $p0", cancellationToken, id).ConfigureAwait(false);
        await ExecuteAsync(connection, "DELETE FROM IngestionJobs WHERE DocumentId = $p0", cancellationToken, id).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return info;
    }

    private async Task FinishAsync(IngestionJob job, string status, string? error, int? chunkCount, string? timings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var id = SqliteDocumentRepository.Key(job.DocumentId);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The job first, fenced: a run whose claim was taken back leaves the document to the run that holds it now.
        var finished = await ExecuteAsync(
            connection,
            $"UPDATE IngestionJobs SET State = $p2, Timings = $p3, HeartbeatAt = $p4, ProgressDone = CASE WHEN $p5 THEN ProgressTotal ELSE ProgressDone END WHERE {Fenced}",
            cancellationToken,
            id, job.ClaimToken, Done, timings, now, chunkCount is not null).ConfigureAwait(false);
        if (finished == 0)
        {
            throw await LostClaimAsync(connection, job, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(
            connection,
            "UPDATE Documents SET Status = $p0, Error = $p1, ChunkCount = COALESCE($p2, ChunkCount), UpdatedAt = $p3 WHERE Id = $p4",
            cancellationToken,
            status, error, chunkCount, now, id).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<DocumentInfo>> QueryAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i, values[i]);
        }

        var result = new List<DocumentInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new DocumentInfo(
                Guid.Parse(reader.GetString(0)),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt32(6),
                reader.GetInt32(7),
                reader.GetInt64(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                DateTime.SpecifyKind(reader.GetDateTime(11), DateTimeKind.Utc),
                reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13)));
        }

        return result;
    }
}

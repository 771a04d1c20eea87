using ChatRag.Storage.Sqlite.Entities;
using ChatRag.Core.Ingestion;
using ChatRag.Storage.Sqlite.Documents;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Ingestion;

/// <content>
/// Fencing: every claim (and every re-queue) raises the job's claim token, and each write of a run names the token it
/// claimed with, so a worker whose job was taken back (paused, slow, or a second process on the same data directory)
/// changes nothing once another run holds the job.
/// </content>
public sealed partial class SqliteIngestionJobStore
{
    // $p0 = document key, $p1 = the run's claim token.
    private const string Fenced = "DocumentId = $p0 AND ClaimToken = $p1 AND State = 'processing'";

    /// <inheritdoc />
    public async Task<bool> ReleaseAsync(IngestionJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var id = SqliteDocumentRepository.Key(job.DocumentId);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Attempts stay: a job that keeps running out of time is failed after the last one, not retried forever.
        var released = await ExecuteAsync(
            connection,
            $"UPDATE IngestionJobs SET State = $p2, ProgressDone = 0, ProgressStage = NULL, ClaimToken = ClaimToken + 1 WHERE {Fenced}",
            cancellationToken,
            id, job.ClaimToken, Queued).ConfigureAwait(false);
        if (released == 0)
        {
            return false;
        }

        await ExecuteAsync(connection, "UPDATE Documents SET Status = $p0, UpdatedAt = $p1 WHERE Id = $p2", cancellationToken, DocumentStatus.Queued, now, id).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task EnsureClaimAsync(IngestionJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var check = connection.CreateCommand();
        check.CommandText = $"SELECT 1 FROM IngestionJobs WHERE {Fenced}";
        check.Parameters.AddWithValue("$p0", SqliteDocumentRepository.Key(job.DocumentId));
        check.Parameters.AddWithValue("$p1", job.ClaimToken);
        if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw await LostClaimAsync(connection, job, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Why a fenced write matched nothing: the document is gone (deleted mid-run) or another run holds the job.</summary>
    private static async Task<Exception> LostClaimAsync(SqliteConnection connection, IngestionJob job, CancellationToken cancellationToken)
    {
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT 1 FROM Documents d JOIN IngestionJobs j ON j.DocumentId = d.Id WHERE d.Id = $p0";
        find.Parameters.AddWithValue("$p0", SqliteDocumentRepository.Key(job.DocumentId));
        return await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null
            ? new KeyNotFoundException($"Document {job.DocumentId} is no longer being processed.")
            : new StaleClaimException(job.DocumentId, job.ClaimToken);
    }
}

using ChatRag.Core.Ingestion;
using ChatRag.Storage.Sqlite.Documents;
using ChatRag.Storage.Sqlite.Entities;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Ingestion;

/// <content>Leases: a claimed job belongs to its worker only while its heartbeat is fresh.</content>
public sealed partial class SqliteIngestionJobStore
{
    private const string Expired = "State = 'processing' AND (HeartbeatAt IS NULL OR HeartbeatAt < $p0)";

    /// <inheritdoc />
    public async Task<StalledJobsSweep> RequeueStalledAsync(TimeSpan lease, int maxAttempts, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - lease;
        var reason = $"Processing this file stopped responding {maxAttempts} time(s) (the worker died or hung, for example out of memory), so it was given up. "
            + "Re-index the document to try again, or split the file into smaller ones.";
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Out of attempts: a file that kills its worker every time must not be retried forever.
        await ExecuteAsync(
            connection,
            $"UPDATE Documents SET Status = $p2, Error = $p3, UpdatedAt = $p4 WHERE Id IN (SELECT DocumentId FROM IngestionJobs WHERE {Expired} AND Attempts >= $p1)",
            cancellationToken,
            cutoff, maxAttempts, DocumentStatus.Failed, reason, now).ConfigureAwait(false);
        var failed = await ExecuteAsync(
            connection,
            $"UPDATE IngestionJobs SET State = $p2, HeartbeatAt = $p3, ClaimToken = ClaimToken + 1 WHERE {Expired} AND Attempts >= $p1",
            cancellationToken,
            cutoff, maxAttempts, Done, now).ConfigureAwait(false);

        await ExecuteAsync(
            connection,
            $"UPDATE Documents SET Status = $p2, UpdatedAt = $p3 WHERE Id IN (SELECT DocumentId FROM IngestionJobs WHERE {Expired} AND Attempts < $p1)",
            cancellationToken,
            cutoff, maxAttempts, DocumentStatus.Queued, now).ConfigureAwait(false);
        var requeued = await ExecuteAsync(
            connection,
            $"UPDATE IngestionJobs SET State = $p2, ProgressDone = 0, ProgressStage = NULL, ClaimToken = ClaimToken + 1 WHERE {Expired} AND Attempts < $p1",
            cancellationToken,
            cutoff, maxAttempts, Queued).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StalledJobsSweep(requeued, failed);
    }

    /// <inheritdoc />
    public async Task RenewLeasesAsync(IReadOnlyCollection<IngestionJob> claims, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var claim in claims)
        {
            // Only a current claim: renewing one taken back would keep alive the lease of whoever holds it now.
            await ExecuteAsync(
                connection,
                $"UPDATE IngestionJobs SET HeartbeatAt = $p2 WHERE {Fenced}",
                cancellationToken,
                SqliteDocumentRepository.Key(claim.DocumentId), claim.ClaimToken, now).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}

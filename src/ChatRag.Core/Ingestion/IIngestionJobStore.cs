using ChatRag.Core.Documents;

namespace ChatRag.Core.Ingestion;

/// <summary>
/// Durable document rows and ingestion jobs: queueing, atomic claims, progress, outcome, and the catalogue the
/// documents API lists. Implementations must make <see cref="ClaimNextAsync"/> safe against concurrent workers.
/// </summary>
public interface IIngestionJobStore
{
    /// <summary>Creates the document row (status queued) and its job in one transaction, unless the collection already holds the content.</summary>
    Task<EnqueueResult> EnqueueAsync(QueuedDocument document, CancellationToken cancellationToken = default);

    /// <summary>Claims the oldest queued job (status processing, attempt count + 1), or returns null when none waits.</summary>
    Task<IngestionJob?> ClaimNextAsync(CancellationToken cancellationToken = default);

    /// <summary>Puts every job left in processing (a crash or kill) back in the queue; returns how many.</summary>
    Task<int> RequeueInterruptedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes back jobs in processing whose heartbeat is older than <paramref name="lease"/> (their worker died or hung
    /// while the host kept running): back to the queue, or, once claimed <paramref name="maxAttempts"/> times, the
    /// document failed with a reason.
    /// </summary>
    Task<StalledJobsSweep> RequeueStalledAsync(TimeSpan lease, int maxAttempts, CancellationToken cancellationToken = default);

    /// <summary>Refreshes the heartbeat of jobs the caller is still running, so a sweep does not take them back; claims taken back meanwhile are skipped.</summary>
    Task RenewLeasesAsync(IReadOnlyCollection<IngestionJob> claims, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives a claimed job back to the queue (shutdown, time limit) if the claim is still current; the attempt count is kept.
    /// </summary>
    /// <returns>False when the claim had already been taken back; nothing changed.</returns>
    Task<bool> ReleaseAsync(IngestionJob job, CancellationToken cancellationToken = default);

    /// <summary>Throws <see cref="StaleClaimException"/> unless the claim is still current (checked before writes outside this store).</summary>
    Task EnsureClaimAsync(IngestionJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues an existing document again (re-index); false when it does not exist or has no stored file. A run in
    /// progress loses its claim, so its remaining writes are rejected and the job runs again from the start.
    /// </summary>
    Task<bool> RequeueAsync(Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the document's chunks (and lexical entries) in one transaction, keeping it in processing.</summary>
    /// <exception cref="StaleClaimException">The claim was taken back.</exception>
    /// <exception cref="KeyNotFoundException">The document was deleted.</exception>
    Task<IReadOnlyList<StoredChunk>> ReplaceChunksAsync(IngestionJob job, IReadOnlyList<NewChunk> chunks, CancellationToken cancellationToken = default);

    /// <summary>Records progress (chunks done of total, stage <see cref="IngestionStage.Embed"/>) and refreshes the job's heartbeat.</summary>
    /// <exception cref="StaleClaimException">The claim was taken back.</exception>
    Task ReportProgressAsync(IngestionJob job, int done, int total, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records progress of a stage before chunking (<see cref="IngestionStage.Ocr"/>: pages done of total) and
    /// refreshes the job's heartbeat, so a long scan shows it moving.
    /// </summary>
    /// <exception cref="StaleClaimException">The claim was taken back.</exception>
    Task ReportStageProgressAsync(IngestionJob job, string stage, int done, int total, CancellationToken cancellationToken = default);

    /// <summary>Marks the document ready and the job done.</summary>
    /// <exception cref="StaleClaimException">The claim was taken back; nothing changed.</exception>
    Task CompleteAsync(IngestionJob job, int chunkCount, string? timings, CancellationToken cancellationToken = default);

    /// <summary>Marks the document failed with a message a person can act on; the job is done (not retried).</summary>
    /// <exception cref="StaleClaimException">The claim was taken back; nothing changed.</exception>
    Task FailAsync(IngestionJob job, string error, string? timings, CancellationToken cancellationToken = default);

    /// <summary>Generated file names of the stored originals every job refers to (what start-up cleanup must keep).</summary>
    Task<IReadOnlySet<string>> ListStoredFilesAsync(CancellationToken cancellationToken = default);

    /// <summary>One document, or null.</summary>
    Task<DocumentInfo?> GetAsync(Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>Documents of one collection (or all when null), newest first.</summary>
    Task<IReadOnlyList<DocumentInfo>> ListAsync(string? collection, CancellationToken cancellationToken = default);

    /// <summary>
    /// At most <paramref name="limit"/> documents of one collection (or all when null), newest first with ties broken
    /// by id, starting after <paramref name="after"/> (from the start when null).
    /// </summary>
    Task<DocumentPage> ListPageAsync(string? collection, int limit, DocumentCursor? after, CancellationToken cancellationToken = default);

    /// <summary>Removes the document row, its chunks (and lexical entries) and its job; returns what was removed, or null.</summary>
    Task<DocumentInfo?> DeleteAsync(Guid documentId, CancellationToken cancellationToken = default);
}

using System.Diagnostics;
using ChatRag.Core.Documents;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Indexing;
using ChatRag.Core.Ingestion;
using ChatRag.Ingestion.Chunking;
using ChatRag.Ingestion.Diagnostics;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Ocr;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>
/// Runs one claimed job: read the stored original → extract → chunk → replace the document's chunks → embed and
/// upsert in batches with progress → ready. Every step is idempotent (chunks are replaced, stale vectors deleted first,
/// upserts keyed by chunk id), so a job interrupted anywhere can simply run again.
/// </summary>
public sealed partial class DocumentIngestionProcessor(
    IIngestionJobStore jobs,
    DocumentExtractor extractor,
    DocumentChunker chunker,
    IEncoderCatalog encoders,
    IVectorIndex vectors,
    IOptions<IngestionPipelineOptions> options,
    ILogger<DocumentIngestionProcessor> logger)
{
    private const string GenericFailure = "The document could not be processed because of an unexpected error; it has been logged. Try re-indexing it, or upload it again.";

    /// <summary>Claims and processes jobs until the queue is empty (the CLI's way to run the pipeline).</summary>
    public async Task<IReadOnlyList<IngestionResult>> DrainAsync(IProgress<(IngestionJob Job, int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<IngestionResult>();
        while (await jobs.ClaimNextAsync(cancellationToken).ConfigureAwait(false) is { } job)
        {
            var perJob = progress is null ? null : new RelayProgress<(int Done, int Total)>(p => progress.Report((job, p.Done, p.Total)));
            results.Add(await ProcessAsync(job, perJob, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>
    /// Processes one claimed job to ready or failed. Cancellation leaves the job resumable and rethrows. A run that
    /// lost its claim (<see cref="StaleClaimException"/>) stops quietly with status <c>superseded</c>; a run past
    /// <see cref="IngestionPipelineOptions.JobTimeoutSeconds"/> is abandoned and its job re-queued (<c>queued</c>) or failed.
    /// </summary>
    public async Task<IngestionResult> ProcessAsync(IngestionJob job, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var timings = new StageTimings();
        // The document id only: a file name can say more than its owner wants in a trace backend.
        using var activity = IngestionTelemetry.ActivitySource.StartActivity("ingestion.process");
        activity?.SetTag("chatrag.document.id", job.DocumentId);
        var started = Stopwatch.GetTimestamp();
        IngestionResult result;
        try
        {
            result = await ProcessClaimedAsync(job, timings, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (StaleClaimException)
        {
            // Another run holds the job now (a re-index, a lease taken back, a second process): it finishes the document.
            LogSuperseded(job.DocumentId, job.Name, job.ClaimToken);
            result = new IngestionResult(job.DocumentId, job.Name, "superseded", 0, null, timings);
        }

        var status = new KeyValuePair<string, object?>("chatrag.ingestion.status", result.Status);
        activity?.SetTag(status.Key, status.Value);
        IngestionTelemetry.Documents.Add(1, status);
        IngestionTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, status);
        return result;
    }

    private async Task<IngestionResult> ProcessClaimedAsync(IngestionJob job, StageTimings timings, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        // OCR extends the limit by each page's time limit, as it extends extraction's, so MaxPages stays reachable.
        using var deadline = new ExtendableDeadline(TimeSpan.FromSeconds(options.Value.JobTimeoutSeconds), cancellationToken);
        try
        {
            // WaitAsync: a step that ignores cancellation is abandoned at the limit; its later writes are fenced off.
            var chunks = await RunAsync(job, timings, progress, deadline).WaitAsync(deadline.Token).ConfigureAwait(false);
            if (await jobs.GetAsync(job.DocumentId, cancellationToken).ConfigureAwait(false) is null)
            {
                // Deleted while its vectors were being written: those upserts landed after the delete's vector cleanup.
                throw new KeyNotFoundException($"Document {job.DocumentId} was deleted while it was processed.");
            }

            await jobs.CompleteAsync(job, chunks, timings.ToJson(), cancellationToken).ConfigureAwait(false);
            LogReady(job.DocumentId, job.Name, chunks, timings.ToJson());
            return new IngestionResult(job.DocumentId, job.Name, "ready", chunks, null, timings);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: put the job back (if still ours) so the next start (or another worker) picks it up from scratch.
            await jobs.ReleaseAsync(job, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (OperationCanceledException) when (deadline.Expired(cancellationToken))
        {
            return await TimedOutAsync(job, timings, deadline.Limit, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentRejectedException e)
        {
            LogRejected(job.DocumentId, job.Name, e.Reason, e.Message);
            await jobs.FailAsync(job, e.Message, timings.ToJson(), cancellationToken).ConfigureAwait(false);
            return new IngestionResult(job.DocumentId, job.Name, "failed", 0, e.Message, timings);
        }
        catch (KeyNotFoundException)
        {
            // Deleted while we worked: make sure no vectors of it survive.
            await vectors.DeleteDocumentAsync(job.DocumentId, CancellationToken.None).ConfigureAwait(false);
            return new IngestionResult(job.DocumentId, job.Name, "deleted", 0, null, timings);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not StaleClaimException)
        {
            LogFailed(e, job.DocumentId, job.Name);
            await jobs.FailAsync(job, GenericFailure, timings.ToJson(), cancellationToken).ConfigureAwait(false);
            return new IngestionResult(job.DocumentId, job.Name, "failed", 0, GenericFailure, timings);
        }
    }

    private async Task<int> RunAsync(IngestionJob job, StageTimings timings, IProgress<(int Done, int Total)>? progress, ExtendableDeadline deadline)
    {
        var cancellationToken = deadline.Token;
        var path = Path.Combine(Path.GetFullPath(options.Value.UploadsDirectory), Path.GetFileName(job.StoredFile));
        var clock = Stopwatch.StartNew();
        if (!File.Exists(path))
        {
            throw new StoredFileMissingException("The stored original of this document is missing, so it cannot be processed. Upload the file again.");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        timings.ReadMs = Lap(clock);

        // OCR reports pages as it reads them, so a long scan shows the stage moving.
        var ocr = new StageProgress(jobs, job, IngestionStage.Ocr);
        var listener = new OcrListener { Progress = ocr, DeadlineExtended = deadline.Extend };
        var extracted = await extractor.ExtractAsync(bytes, job.Name, listener, cancellationToken).ConfigureAwait(false);
        await ocr.FlushAsync().ConfigureAwait(false);
        timings.Pages = extracted.PageCount;
        timings.OcrPages = extracted.Ocr?.Pages;
        timings.OcrMs = extracted.Ocr?.Milliseconds;
        timings.ParseMs = Lap(clock);

        var chunks = chunker.Chunk(extracted, cancellationToken);
        if (chunks.Count == 0)
        {
            throw new EmptyDocumentException("No text was found in the document (a scanned PDF without a text layer, or an empty file). Upload a version with selectable text.");
        }

        timings.ChunkMs = Lap(clock);

        // Stale vectors of an earlier (interrupted or previous) run point at chunk ids that are about to disappear.
        var fenced = new ClaimFencedVectorIndex(vectors, jobs, job);
        await fenced.DeleteDocumentAsync(job.DocumentId, cancellationToken).ConfigureAwait(false);
        var deleteMs = Lap(clock);
        var stored = await jobs.ReplaceChunksAsync(job, chunks.Select(c => c.ToNewChunk()).ToList(), cancellationToken).ConfigureAwait(false);
        timings.StoreMs = Lap(clock);

        var timed = new TimedVectorIndex(fenced);
        var indexer = new ChunkIndexer(encoders, timed);
        var total = stored.Count;
        var reporter = new BatchProgress(jobs, job, total, progress);
        await indexer.IndexAsync(stored, options.Value.EmbedBatchSize, reporter, cancellationToken).ConfigureAwait(false);
        await reporter.FlushAsync(cancellationToken).ConfigureAwait(false);
        var embedAndIndex = Lap(clock);
        timings.IndexMs = deleteMs + timed.UpsertTime.TotalMilliseconds;
        timings.EmbedMs = Math.Max(0, embedAndIndex - timed.UpsertTime.TotalMilliseconds - reporter.WriteTime.TotalMilliseconds);
        return total;
    }

    private static double Lap(Stopwatch clock)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return Math.Round(ms, 2);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} ({Name}) ready: {Chunks} chunks; timings {Timings}")]
    private partial void LogReady(Guid documentId, string name, int chunks, string timings);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} ({Name}) rejected ({Reason}): {Message}")]
    private partial void LogRejected(Guid documentId, string name, string reason, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Document {DocumentId} ({Name}) failed unexpectedly")]
    private partial void LogFailed(Exception exception, Guid documentId, string name);
}

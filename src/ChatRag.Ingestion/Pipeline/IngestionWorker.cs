using ChatRag.Core.Ingestion;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>
/// The background worker: on start it re-queues jobs a crash left in processing, then claims and runs jobs with at
/// most <see cref="IngestionPipelineOptions.MaxConcurrency"/> at a time, waking on new uploads and polling as a fallback.
/// While it runs it renews the leases of its jobs and takes back jobs whose lease expired
/// (<see cref="IngestionPipelineOptions.LeaseSeconds"/>, <see cref="IngestionPipelineOptions.MaxAttempts"/>).
/// One document's failure never stops it.
/// </summary>
public sealed partial class IngestionWorker(
    IIngestionJobStore jobs,
    DocumentIngestionProcessor processor,
    IngestionSignal signal,
    IOptions<IngestionPipelineOptions> options,
    ILogger<IngestionWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield first so host start-up is not held up by the database.
        await Task.Yield();
        // Every job still in processing was interrupted by the last shutdown; those out of attempts (a file that took the
        // whole process down each time) are failed rather than retried forever, the rest go back to the queue.
        var interrupted = await jobs.RequeueStalledAsync(TimeSpan.FromTicks(1), options.Value.MaxAttempts, stoppingToken).ConfigureAwait(false);
        var requeued = interrupted.Requeued + await jobs.RequeueInterruptedAsync(stoppingToken).ConfigureAwait(false);
        if (requeued > 0 || interrupted.Failed > 0)
        {
            LogResumed(requeued, interrupted.Failed);
        }

        var sweeping = SweepAsync(stoppingToken);
        var poll = TimeSpan.FromSeconds(options.Value.PollIntervalSeconds);
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrency);
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                var job = await TryClaimAsync(stoppingToken).ConfigureAwait(false);
                if (job is null)
                {
                    slots.Release();
                    await signal.WaitAsync(poll, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                running.RemoveAll(t => t.IsCompleted);
                Track(job);
                running.Add(RunAsync(job, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        await sweeping.ConfigureAwait(false);
    }

    private async Task<IngestionJob?> TryClaimAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await jobs.ClaimNextAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogClaimFailed(e);
            return null;
        }
    }

    private async Task RunAsync(IngestionJob job, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await processor.ProcessAsync(job, progress: null, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The processor gave the job back; the next start resumes it.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Recording the failure itself failed (database gone?); its lease expires and the sweep retries the job.
            LogJobCrashed(e, job.DocumentId);
        }
        finally
        {
            Untrack(job);
            slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming {Count} ingestion job(s) interrupted by the last shutdown; {Failed} given up after too many attempts")]
    private partial void LogResumed(int count, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not claim an ingestion job")]
    private partial void LogClaimFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingestion job {DocumentId} crashed")]
    private partial void LogJobCrashed(Exception exception, Guid documentId);
}

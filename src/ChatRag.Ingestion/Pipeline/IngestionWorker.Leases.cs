using System.Collections.Concurrent;
using ChatRag.Core.Ingestion;
using Microsoft.Extensions.Logging;

namespace ChatRag.Ingestion.Pipeline;

/// <content>Leases: renewing this worker's jobs and taking back the stalled jobs of workers that died or hung.</content>
public sealed partial class IngestionWorker
{
    // The jobs this worker is running; only these get their leases renewed.
    private readonly ConcurrentDictionary<Guid, IngestionJob> active = new();

    /// <summary>The claims whose leases this worker renews (for tests).</summary>
    internal IReadOnlyCollection<IngestionJob> TrackedClaims => active.Values.ToList();

    internal void Track(IngestionJob claim) => active[claim.DocumentId] = claim;

    // Only this claim's own entry: a re-index may already have given this worker a newer claim on the same document,
    // and dropping that one would stop its lease renewals until the sweep takes it back as stalled.
    internal void Untrack(IngestionJob claim) => active.TryRemove(KeyValuePair.Create(claim.DocumentId, claim));

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);

        // A third of the lease: a live worker renews twice before anyone may take its job.
        using var timer = new PeriodicTimer(lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await SweepOnceAsync(lease, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SweepOnceAsync(TimeSpan lease, CancellationToken stoppingToken)
    {
        try
        {
            await jobs.RenewLeasesAsync(TrackedClaims, stoppingToken).ConfigureAwait(false);
            var swept = await jobs.RequeueStalledAsync(lease, options.Value.MaxAttempts, stoppingToken).ConfigureAwait(false);
            if (swept.Requeued > 0 || swept.Failed > 0)
            {
                LogStalled(swept.Requeued, swept.Failed);
            }

            if (swept.Requeued > 0)
            {
                signal.Notify();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSweepFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took back stalled ingestion jobs (lease expired): {Requeued} re-queued, {Failed} failed after too many attempts")]
    private partial void LogStalled(int requeued, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not sweep for stalled ingestion jobs")]
    private partial void LogSweepFailed(Exception exception);
}

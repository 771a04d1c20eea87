using System.Diagnostics;
using ChatRag.Core.Ingestion;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>
/// Receives <see cref="Core.Indexing.ChunkIndexer"/>'s synchronous per-batch reports and records them durably.
/// The write is awaited at the next report (or the flush), so progress never runs ahead of the indexer's work.
/// </summary>
internal sealed class BatchProgress(IIngestionJobStore jobs, IngestionJob job, int total, IProgress<(int Done, int Total)>? listener) : IProgress<int>
{
    private Task pending = Task.CompletedTask;
    private int latest = -1;

    public TimeSpan WriteTime { get; private set; }

    public void Report(int value)
    {
        // A rejected write (the claim was taken back) stops the run at the next batch instead of at the end.
        if (pending.IsFaulted)
        {
            pending.GetAwaiter().GetResult();
        }

        latest = value;
        listener?.Report((value, total));

        // ChunkIndexer reports synchronously between batches; chain the writes so they stay ordered.
        var previous = pending;
        pending = WriteAsync(previous, value);
    }

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        return latest < 0 ? Task.CompletedTask : pending;
    }

    private async Task WriteAsync(Task previous, int done)
    {
        await previous.ConfigureAwait(false);
        var start = Stopwatch.GetTimestamp();
        await jobs.ReportProgressAsync(job, done, total, CancellationToken.None).ConfigureAwait(false);
        WriteTime += Stopwatch.GetElapsedTime(start);
    }
}

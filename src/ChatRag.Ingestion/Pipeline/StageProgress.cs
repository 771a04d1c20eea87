using System.Runtime.ExceptionServices;
using ChatRag.Core.Ingestion;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>
/// Records a reader's progress in one stage (OCR pages) durably, in order, off the reader's thread. Report never
/// throws, because the reader would take a rejected write for a damaged page; the first failed write (the claim was
/// taken back) stops the later ones and is rethrown by <see cref="FlushAsync"/>.
/// </summary>
internal sealed class StageProgress(IIngestionJobStore jobs, IngestionJob job, string stage) : IProgress<(int Done, int Total)>
{
    private readonly Lock gate = new();
    private Task pending = Task.CompletedTask;
    private ExceptionDispatchInfo? failure;

    public void Report((int Done, int Total) value)
    {
        lock (gate)
        {
            var previous = pending;
            pending = WriteAsync(previous, value);
        }
    }

    /// <summary>Waits for the writes so far; throws the first one that failed.</summary>
    public async Task FlushAsync()
    {
        Task pending;
        lock (gate)
        {
            pending = this.pending;
        }

        await pending.ConfigureAwait(false);
        failure?.Throw();
    }

    private async Task WriteAsync(Task previous, (int Done, int Total) value)
    {
        await previous.ConfigureAwait(false);
        if (failure is not null)
        {
            return;
        }

        try
        {
            await jobs.ReportStageProgressAsync(job, stage, value.Done, value.Total, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failure = ExceptionDispatchInfo.Capture(ex);
        }
    }
}

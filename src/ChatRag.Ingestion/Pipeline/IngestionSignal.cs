using System.Threading.Channels;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>Wakes the ingestion worker when a job is queued, so uploads start at once instead of at the next poll.</summary>
public sealed class IngestionSignal
{
    // One pending wake-up is enough: the worker drains the whole queue each time it wakes.
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Signals that work is waiting.</summary>
    public void Notify() => channel.Writer.TryWrite(true);

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await channel.Reader.ReadAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Poll interval elapsed.
        }
    }
}

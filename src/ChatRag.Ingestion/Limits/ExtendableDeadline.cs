using System.Diagnostics;

namespace ChatRag.Ingestion.Limits;

/// <summary>
/// A time limit that work can extend as it learns how much there is: each page sent to OCR brings its own page time
/// limit, so a long scan is not cut off by a limit sized for text documents, and a hung one still ends.
/// </summary>
internal sealed class ExtendableDeadline : IDisposable
{
    /// <summary>The longest a <see cref="CancellationTokenSource"/> timer can wait (about 49 days).</summary>
    public static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    private readonly CancellationTokenSource source;
    private readonly Action<TimeSpan>? extended;
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly Lock gate = new();
    private bool disposed;

    /// <summary>Starts a limit of <paramref name="limit"/>, cancelled early with <paramref name="outer"/>.</summary>
    /// <param name="extended">Told every extension, so an enclosing limit can grow alike.</param>
    public ExtendableDeadline(TimeSpan limit, CancellationToken outer, Action<TimeSpan>? extended = null)
    {
        source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        this.extended = extended;
        Limit = limit;
        source.CancelAfter(Clamp(limit));
    }

    /// <summary>Cancelled at the limit (or with the outer token).</summary>
    public CancellationToken Token => source.Token;

    /// <summary>The limit with every extension so far.</summary>
    public TimeSpan Limit { get; private set; }

    /// <summary>True when the limit, not the outer token, ended the work.</summary>
    public bool Expired(CancellationToken outer) => source.IsCancellationRequested && !outer.IsCancellationRequested;

    /// <summary>Moves the limit <paramref name="more"/> later, unless it has already passed.</summary>
    public void Extend(TimeSpan more)
    {
        lock (gate)
        {
            // Work abandoned at the limit may still report pages: the limit that passed stays passed.
            if (disposed || source.IsCancellationRequested)
            {
                return;
            }

            Limit += more;
            source.CancelAfter(Clamp(Limit - Stopwatch.GetElapsedTime(started)));
        }

        extended?.Invoke(more);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            source.Dispose();
        }
    }

    private static TimeSpan Clamp(TimeSpan wait) => wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < MaxTimer ? wait : MaxTimer;
}

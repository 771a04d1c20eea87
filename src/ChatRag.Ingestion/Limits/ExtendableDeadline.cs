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

    private readonly CancellationTokenSource _source;
    private readonly Action<TimeSpan>? _extended;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Starts a limit of <paramref name="limit"/>, cancelled early with <paramref name="outer"/>.</summary>
    /// <param name="extended">Told every extension, so an enclosing limit can grow alike.</param>
    public ExtendableDeadline(TimeSpan limit, CancellationToken outer, Action<TimeSpan>? extended = null)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _extended = extended;
        Limit = limit;
        _source.CancelAfter(Clamp(limit));
    }

    /// <summary>Cancelled at the limit (or with the outer token).</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The limit with every extension so far.</summary>
    public TimeSpan Limit { get; private set; }

    /// <summary>True when the limit, not the outer token, ended the work.</summary>
    public bool Expired(CancellationToken outer) => _source.IsCancellationRequested && !outer.IsCancellationRequested;

    /// <summary>Moves the limit <paramref name="more"/> later, unless it has already passed.</summary>
    public void Extend(TimeSpan more)
    {
        lock (_gate)
        {
            // Work abandoned at the limit may still report pages: the limit that passed stays passed.
            if (_disposed || _source.IsCancellationRequested)
            {
                return;
            }

            Limit += more;
            _source.CancelAfter(Clamp(Limit - Stopwatch.GetElapsedTime(_started)));
        }

        _extended?.Invoke(more);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _source.Dispose();
        }
    }

    private static TimeSpan Clamp(TimeSpan wait) => wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < MaxTimer ? wait : MaxTimer;
}

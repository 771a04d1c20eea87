namespace ChatRag.Core.Retrieval.Reranking;

/// <summary>How long reranking may take; injectable so tests decide when it runs out instead of a clock.</summary>
public interface IRerankBudget
{
    /// <summary>The budget in milliseconds, for traces.</summary>
    double Milliseconds { get; }

    /// <summary>Starts one search's budget; the function says whether it is spent.</summary>
    Func<bool> Start();
}

/// <summary>A wall-clock budget measured with a <see cref="TimeProvider"/>.</summary>
/// <param name="limit">Time allowed from the start of reranking.</param>
/// <param name="time">Clock; the system clock when null.</param>
public sealed class LatencyRerankBudget(TimeSpan limit, TimeProvider? time = null) : IRerankBudget
{
    private readonly TimeProvider time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public double Milliseconds => limit.TotalMilliseconds;

    /// <inheritdoc />
    public Func<bool> Start()
    {
        var started = time.GetTimestamp();
        return () => time.GetElapsedTime(started) > limit;
    }
}

using System.Collections.Concurrent;
using ChatRag.Contracts.Chat;

namespace ChatRag.Chat.Tools;

/// <summary>Tool calls of one chat turn, recorded by the tools themselves (arguments, result, time) for the trace.</summary>
public sealed class ToolCallLog
{
    private readonly ConcurrentQueue<TraceToolCall> pending = new();
    private readonly ConcurrentQueue<TraceToolCall> all = new();

    /// <summary>Every call so far, in order.</summary>
    public IReadOnlyList<TraceToolCall> All => [.. all];

    /// <summary>Records a call.</summary>
    public void Add(TraceToolCall call)
    {
        pending.Enqueue(call);
        all.Enqueue(call);
    }

    /// <summary>Calls recorded since the last drain (each is reported once as a <c>tool</c> event).</summary>
    public IReadOnlyList<TraceToolCall> Drain()
    {
        var drained = new List<TraceToolCall>();
        while (pending.TryDequeue(out var call))
        {
            drained.Add(call);
        }

        return drained;
    }
}

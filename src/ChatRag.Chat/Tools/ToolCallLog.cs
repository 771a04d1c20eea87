using System.Collections.Concurrent;

namespace ChatRag.Chat.Tools;

/// <summary>Tool calls of one chat turn, recorded by the tools themselves (arguments, result, time) for the trace.</summary>
public sealed class ToolCallLog
{
    private readonly ConcurrentQueue<ToolCallRecord> pending = new();
    private readonly ConcurrentQueue<ToolCallRecord> all = new();

    /// <summary>Every call so far, in order.</summary>
    public IReadOnlyList<ToolCallRecord> All => [.. all];

    /// <summary>Records a call.</summary>
    public void Add(ToolCallRecord call)
    {
        pending.Enqueue(call);
        all.Enqueue(call);
    }

    /// <summary>Calls recorded since the last drain (each is reported once as a <c>tool</c> event).</summary>
    public IReadOnlyList<ToolCallRecord> Drain()
    {
        var drained = new List<ToolCallRecord>();
        while (pending.TryDequeue(out var call))
        {
            drained.Add(call);
        }

        return drained;
    }
}

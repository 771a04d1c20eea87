using Microsoft.Extensions.AI;

namespace ChatRag.Chat.Decoders;

/// <summary>
/// A decoder held for one turn: while any lease on it is open, the catalogue never unloads it. Dispose it when the
/// turn ends (the generation finished, failed or was cancelled).
/// </summary>
public sealed class DecoderLease : IDisposable
{
    private readonly Action? release;
    private int released;

    internal DecoderLease(string? name, IChatClient? client, string? reason, Action? release)
    {
        Name = name;
        Client = client;
        Reason = reason;
        this.release = release;
    }

    /// <summary>The decoder's name, or null when none is configured.</summary>
    public string? Name { get; }

    /// <summary>The client with function invocation, or null (no decoder, or its load failed): answer extractively.</summary>
    public IChatClient? Client { get; }

    /// <summary>Why <see cref="Client"/> is null, for the trace.</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            release?.Invoke();
        }
    }
}

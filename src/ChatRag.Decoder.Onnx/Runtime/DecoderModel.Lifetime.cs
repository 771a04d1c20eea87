using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <content>
/// Disposal that never frees native memory under a generation, the hazard the encoder had
/// (<c>OnnxEmbeddingGenerator.Lifetime</c>). A generation holds the session, its I/O binding and KV buffers for as long
/// as it is enumerated, across steps, so Dispose cannot simply wait for one graph run. Instead it refuses new
/// generations, asks each running step to terminate, and leaves the native release to whichever comes last: Dispose
/// itself when nothing is generating, else the last generation as it unwinds. A generation cut short this way ends
/// with <see cref="ObjectDisposedException"/> at its next step. Dispose never blocks, so a caller that stopped pulling
/// an enumeration cannot hang a host's shutdown.
/// </content>
public sealed partial class DecoderModel
{
    private readonly Lock lifetime = new();
    private readonly HashSet<RunOptions> running = [];
    private bool disposed;

    /// <summary>Generations that hold the native session now (a disposed model frees it when this reaches zero).</summary>
    public int GenerationsInFlight
    {
        get
        {
            lock (lifetime)
            {
                return running.Count;
            }
        }
    }

    private bool IsDisposed
    {
        get
        {
            lock (lifetime)
            {
                return disposed;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (lifetime)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            foreach (var run in running)
            {
                run.Terminate = true;
            }

            if (running.Count > 0)
            {
                return;
            }
        }

        ReleaseNative();
    }

    private void Enter(RunOptions runOptions)
    {
        lock (lifetime)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            running.Add(runOptions);
        }
    }

    private void Exit(RunOptions runOptions)
    {
        lock (lifetime)
        {
            running.Remove(runOptions);
            if (!disposed || running.Count > 0)
            {
                return;
            }
        }

        ReleaseNative();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);
}

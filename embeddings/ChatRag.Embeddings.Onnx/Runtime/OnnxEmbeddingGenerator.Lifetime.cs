using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Embeddings.Onnx.Runtime;

/// <content>
/// Disposal that waits for the graph runs in flight. A host shutting down disposes the generator while a caller it
/// stopped waiting for (an ingestion run abandoned at its time limit, a request still unwinding) may be inside
/// <c>InferenceSession.Run</c>; freeing the native session under that call crashed the process. Dispose now asks
/// each running call to terminate, waits until none is left, then frees the session; later calls get
/// <see cref="ObjectDisposedException"/>.
/// </content>
public sealed partial class OnnxEmbeddingGenerator
{
    private readonly object lifetime = new();
    private readonly HashSet<RunOptions> running = [];
    private bool disposed;

    /// <summary>Graph runs in progress (for tests).</summary>
    internal int RunsInFlight
    {
        get
        {
            lock (lifetime)
            {
                return running.Count;
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

            while (running.Count > 0)
            {
                Monitor.Wait(lifetime);
            }
        }

        session.Dispose();
    }

    private void Run(RunOptions runOptions, string[] names, OrtValue[] values, OrtValue output)
    {
        lock (lifetime)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            running.Add(runOptions);
        }

        try
        {
            session.Session.Run(runOptions, names, values, [session.OutputName], [output]);
        }
        finally
        {
            lock (lifetime)
            {
                running.Remove(runOptions);
                Monitor.PulseAll(lifetime);
            }
        }

        // A run cut short by Dispose's terminate request may return without filling the output.
        lock (lifetime)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
        }
    }
}

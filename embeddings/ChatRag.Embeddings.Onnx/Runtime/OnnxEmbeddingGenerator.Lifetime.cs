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
    private readonly object _lifetime = new();
    private readonly HashSet<RunOptions> _running = [];
    private bool _disposed;

    /// <summary>Graph runs in progress (for tests).</summary>
    internal int RunsInFlight
    {
        get
        {
            lock (_lifetime)
            {
                return _running.Count;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lifetime)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var run in _running)
            {
                run.Terminate = true;
            }

            while (_running.Count > 0)
            {
                Monitor.Wait(_lifetime);
            }
        }

        _session.Dispose();
    }

    private void Run(RunOptions runOptions, string[] names, OrtValue[] values, OrtValue output)
    {
        lock (_lifetime)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _running.Add(runOptions);
        }

        try
        {
            _session.Session.Run(runOptions, names, values, [_session.OutputName], [output]);
        }
        finally
        {
            lock (_lifetime)
            {
                _running.Remove(runOptions);
                Monitor.PulseAll(_lifetime);
            }
        }

        // A run cut short by Dispose's terminate request may return without filling the output.
        lock (_lifetime)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
        }
    }
}

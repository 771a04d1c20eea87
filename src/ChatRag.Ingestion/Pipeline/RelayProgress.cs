namespace ChatRag.Ingestion.Pipeline;

/// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool and may arrive late).</summary>
internal sealed class RelayProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

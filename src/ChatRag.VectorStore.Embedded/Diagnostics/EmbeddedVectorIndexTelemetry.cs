using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatRag.VectorStore.Embedded.Diagnostics;

/// <summary>The activity source and meter of the embedded vector index (both named <see cref="Name"/>).</summary>
public static class EmbeddedVectorIndexTelemetry
{
    /// <summary>Name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>, for OpenTelemetry registration.</summary>
    public const string Name = "ChatRag.VectorStore.Embedded";

    internal static readonly ActivitySource Source = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>("chatrag.vector.search.duration", "ms", "Vector search latency.");

    internal static readonly Counter<long> Upserted = Meter.CreateCounter<long>("chatrag.vector.upserted", "{vector}", "Vectors written.");

    internal static readonly Counter<long> AnnBuilds = Meter.CreateCounter<long>("chatrag.vector.ann.builds", "{build}", "HNSW graphs built from scratch.");

    internal static readonly Counter<long> TruncatedBytes = Meter.CreateCounter<long>("chatrag.vector.journal.truncated", "By", "Bytes of torn or corrupt journal tails cut off on open.");
}

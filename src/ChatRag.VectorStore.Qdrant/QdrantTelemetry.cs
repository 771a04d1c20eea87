using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>Trace and metric names of the Qdrant adapter, for OpenTelemetry registration.</summary>
public static class QdrantTelemetry
{
    /// <summary>Name of the <see cref="ActivitySource"/> and <see cref="Meter"/>.</summary>
    public const string Name = "ChatRag.VectorStore.Qdrant";

    internal static readonly ActivitySource Activities = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> UpsertedPoints = Meter.CreateCounter<long>("chatrag.qdrant.upserted_points", "{point}", "Points written to Qdrant.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>("chatrag.qdrant.retries", "{retry}", "Calls retried after a transient gRPC error.");
}

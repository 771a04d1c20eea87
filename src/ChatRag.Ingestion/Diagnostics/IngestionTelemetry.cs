using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatRag.Ingestion.Diagnostics;

/// <summary>The ingestion pipeline's ActivitySource and Meter (both named <see cref="Name"/>).</summary>
public static class IngestionTelemetry
{
    /// <summary>Source and meter name, for OpenTelemetry registration.</summary>
    public const string Name = "ChatRag.Ingestion";

    /// <summary>Spans: <c>ingestion.process</c>, one per document job.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    internal static Meter Meter { get; } = new(Name);

    /// <summary>Documents processed, tagged with the outcome (<c>chatrag.ingestion.status</c>).</summary>
    internal static Counter<long> Documents { get; } =
        Meter.CreateCounter<long>("chatrag.ingestion.documents", "{document}", "Documents processed, by outcome.");

    /// <summary>Wall time of one document job, extraction to indexed.</summary>
    internal static Histogram<double> Duration { get; } =
        Meter.CreateHistogram<double>("chatrag.ingestion.duration", "ms", "Wall time of one document job.");
}

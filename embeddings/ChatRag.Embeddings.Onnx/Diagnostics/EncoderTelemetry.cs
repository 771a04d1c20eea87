using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatRag.Embeddings.Onnx.Diagnostics;

/// <summary>The encoder adapter's ActivitySource and Meter (both named <see cref="Name"/>).</summary>
public static class EncoderTelemetry
{
    /// <summary>Source and meter name, for OpenTelemetry registration.</summary>
    public const string Name = "ChatRag.Embeddings.Onnx";

    /// <summary>Spans: one per GenerateAsync call.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    internal static Meter Meter { get; } = new(Name);

    internal static Counter<long> Sequences { get; } =
        Meter.CreateCounter<long>("chatrag.encoder.sequences", "{sequence}", "Sequences embedded.");

    internal static Counter<long> Tokens { get; } =
        Meter.CreateCounter<long>("chatrag.encoder.tokens", "{token}", "Tokens fed to the encoder, padding excluded.");

    internal static Histogram<double> BatchDuration { get; } =
        Meter.CreateHistogram<double>("chatrag.encoder.batch.duration", "ms", "Wall time of one graph run.");
}

using ChatRag.Chat.Orchestration;
using ChatRag.Core.Retrieval;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Embeddings.Onnx.Diagnostics;
using ChatRag.Ingestion.Diagnostics;
using ChatRag.Storage.Sqlite.Diagnostics;
using ChatRag.VectorStore.Embedded.Diagnostics;
using ChatRag.VectorStore.Qdrant;

namespace ChatRag.Hosting;

/// <summary>
/// Every <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> the
/// application owns, one per area, so <see cref="ServiceDefaultsExtensions.AddServiceDefaults{TBuilder}"/> subscribes to all
/// of them (README, "Observability", lists them with their spans and instruments).
/// </summary>
public static class ChatRagTelemetry
{
    /// <summary>
    /// The decoder, whichever it is: Microsoft.Extensions.AI's <c>UseOpenTelemetry()</c> writes its GenAI spans
    /// (<c>chat {model}</c>, <c>execute_tool {name}</c>) and metrics (<c>gen_ai.client.token.usage</c>,
    /// <c>gen_ai.client.operation.duration</c>) under this name.
    /// </summary>
    public const string DecoderName = "ChatRag.Decoder";

    /// <summary>Activity source names: chat, retrieval, decoder, encoder, ingestion, storage and the vector stores.</summary>
    public static IReadOnlyList<string> SourceNames { get; } =
    [
        ChatOrchestrator.ActivitySourceName,
        HybridSearcher.ActivitySourceName,
        DecoderName,
        DecoderMetrics.MeterName,
        EncoderTelemetry.Name,
        IngestionTelemetry.Name,
        SqliteStorageTelemetry.Name,
        EmbeddedVectorIndexTelemetry.Name,
        QdrantTelemetry.Name,
    ];

    /// <summary>Meter names; the same names as the sources (each area owns one of each).</summary>
    public static IReadOnlyList<string> MeterNames => SourceNames;
}

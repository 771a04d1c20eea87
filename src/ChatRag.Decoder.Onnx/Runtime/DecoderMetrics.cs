using System.Diagnostics.Metrics;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>The decoder runtime's meter: tokens generated, time to first token, requests in flight.</summary>
public static class DecoderMetrics
{
    /// <summary>Meter name to subscribe to.</summary>
    public const string MeterName = "ChatRag.Decoder.Onnx";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Generated tokens.</summary>
    public static Counter<long> TokensGenerated { get; } = Meter.CreateCounter<long>("chatrag.decoder.tokens", "{token}", "Tokens generated.");

    /// <summary>Time to first token per request.</summary>
    public static Histogram<double> TimeToFirstToken { get; } = Meter.CreateHistogram<double>("chatrag.decoder.time_to_first_token", "ms", "Prefill plus first sampled token.");

    /// <summary>Requests generating right now.</summary>
    public static UpDownCounter<long> ActiveRequests { get; } = Meter.CreateUpDownCounter<long>("chatrag.decoder.active_requests", "{request}", "Generations in progress.");
}

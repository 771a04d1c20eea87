using ChatRag.Decoder.Onnx.Sampling;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>Per-request generation settings.</summary>
public sealed record GenerationSettings
{
    /// <summary>Most tokens to generate (also capped by the model's maximum length).</summary>
    public int MaxNewTokens { get; init; } = 256;

    /// <summary>Use the KV cache (true) or recompute the whole sequence every step (false, for equality checks).</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Token selection.</summary>
    public SamplingOptions Sampling { get; init; } = SamplingOptions.Greedy;

    /// <summary>End-of-sequence ids; null uses the model's.</summary>
    public IReadOnlyList<int>? EosTokenIds { get; init; }

    /// <summary>Keep generating past EOS (benchmarks that need a fixed token count).</summary>
    public bool IgnoreEos { get; init; }
}

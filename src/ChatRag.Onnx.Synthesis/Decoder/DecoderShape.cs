namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>Architecture hyper-parameters of a Qwen2-, Qwen3- or Llama-like decoder.</summary>
/// <param name="Name">Shape name used on the command line.</param>
/// <param name="VocabSize">Vocabulary size (0 = take the synthetic tokenizer's size).</param>
/// <param name="HiddenSize">Model width.</param>
/// <param name="Layers">Number of decoder layers.</param>
/// <param name="Heads">Query heads.</param>
/// <param name="KvHeads">Key/value heads (GQA when fewer than <paramref name="Heads"/>).</param>
/// <param name="HeadDim">Per-head width.</param>
/// <param name="Intermediate">MLP width.</param>
/// <param name="TiedEmbeddings">Whether lm_head reuses the embedding matrix.</param>
/// <param name="MaxPositions">Rotary table length, which caps the usable context.</param>
/// <param name="RopeTheta">Rotary base.</param>
/// <param name="Architecture">Qwen2 (q/k/v biases), Qwen3 (no biases, per-head q/k RMSNorm) or Llama (no biases).</param>
public sealed record DecoderShape(
    string Name,
    int VocabSize,
    int HiddenSize,
    int Layers,
    int Heads,
    int KvHeads,
    int HeadDim,
    int Intermediate,
    bool TiedEmbeddings,
    int MaxPositions,
    double RopeTheta,
    DecoderArchitecture Architecture = DecoderArchitecture.Qwen2)
{
    /// <summary>Whether q/k/v projections carry a bias (Qwen2 only).</summary>
    public bool AttentionBias => Architecture == DecoderArchitecture.Qwen2;

    /// <summary>Whether queries and keys are RMS-normalised per head before the rotary embedding (Qwen3).</summary>
    public bool QkNorm => Architecture == DecoderArchitecture.Qwen3;

    /// <summary>RMSNorm epsilon (Qwen2 uses 1e-6).</summary>
    public float RmsEps => 1e-6f;

    /// <summary>A few-KB model for tests; the vocabulary is the synthetic tokenizer's.</summary>
    public static DecoderShape Tiny { get; } = new("tiny", 0, 32, 2, 4, 2, 16, 64, false, 512, 10000);

    // The Qwen shapes write a separate lm_head as the genai builder does (it copies tied weights): random tied weights
    // make the model repeat one token, which would make greedy comparisons trivially equal, and ONNX Runtime did not
    // fold the Transpose of a tied 151936-row embedding, costing a large transpose per step.

    /// <summary>Qwen2.5-0.5B dimensions.</summary>
    public static DecoderShape Qwen05B { get; } = new("qwen2.5-0.5b", 151936, 896, 24, 14, 2, 64, 4864, false, 4096, 1000000);

    /// <summary>Qwen2.5-1.5B dimensions.</summary>
    public static DecoderShape Qwen15B { get; } = new("qwen2.5-1.5b", 151936, 1536, 28, 12, 2, 128, 8960, false, 4096, 1000000);

    /// <summary>The tiny shape with Qwen3's attention (no biases, q/k RMSNorm over the 16-wide heads of a 32-wide model).</summary>
    public static DecoderShape TinyQwen3 { get; } = Tiny with { Name = "tiny-qwen3", Architecture = DecoderArchitecture.Qwen3 };

    /// <summary>The tiny shape with Llama's attention (no biases, no q/k norm).</summary>
    public static DecoderShape TinyLlama { get; } = Tiny with { Name = "tiny-llama", Architecture = DecoderArchitecture.Llama };

    /// <summary>Qwen3-0.6B dimensions (context capped at 4096 positions like the Qwen2.5 shapes).</summary>
    public static DecoderShape Qwen3_06B { get; } = new("qwen3-0.6b", 151936, 1024, 28, 16, 8, 128, 3072, false, 4096, 1000000, DecoderArchitecture.Qwen3);

    /// <summary>Qwen3-1.7B dimensions.</summary>
    public static DecoderShape Qwen3_17B { get; } = new("qwen3-1.7b", 151936, 2048, 28, 16, 8, 128, 6144, false, 4096, 1000000, DecoderArchitecture.Qwen3);

    /// <summary>The names <see cref="FromName"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["tiny", "tiny-qwen3", "tiny-llama", "qwen2.5-0.5b", "qwen2.5-1.5b", "qwen3-0.6b", "qwen3-1.7b"];

    /// <summary>Looks a shape up by its command-line name.</summary>
    public static DecoderShape FromName(string name) => name.ToLowerInvariant() switch
    {
        "tiny" => Tiny,
        "tiny-qwen3" => TinyQwen3,
        "tiny-llama" => TinyLlama,
        "qwen2.5-0.5b" => Qwen05B,
        "qwen2.5-1.5b" => Qwen15B,
        "qwen3-0.6b" => Qwen3_06B,
        "qwen3-1.7b" => Qwen3_17B,
        _ => throw new ArgumentException($"Unknown shape '{name}' ({string.Join(", ", Names)}).", nameof(name)),
    };
}

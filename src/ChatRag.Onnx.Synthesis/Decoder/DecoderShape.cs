namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>Architecture hyper-parameters of a Qwen2-like decoder.</summary>
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
    double RopeTheta)
{
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

    /// <summary>Looks a shape up by its command-line name.</summary>
    public static DecoderShape FromName(string name) => name.ToLowerInvariant() switch
    {
        "tiny" => Tiny,
        "qwen2.5-0.5b" => Qwen05B,
        "qwen2.5-1.5b" => Qwen15B,
        _ => throw new ArgumentException($"Unknown shape '{name}' (tiny, qwen2.5-0.5b, qwen2.5-1.5b).", nameof(name)),
    };
}

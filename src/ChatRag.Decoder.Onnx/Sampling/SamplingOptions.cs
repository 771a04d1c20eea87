namespace ChatRag.Decoder.Onnx.Sampling;

/// <summary>How the next token is chosen from the logits.</summary>
public sealed record SamplingOptions
{
    /// <summary>Greedy decoding (the default): always the most likely token.</summary>
    public static SamplingOptions Greedy { get; } = new();

    /// <summary>Softmax temperature; 0 or less means greedy.</summary>
    public float Temperature { get; init; }

    /// <summary>Keep only the k most likely tokens (0 = no limit).</summary>
    public int TopK { get; init; }

    /// <summary>Keep the smallest set of tokens whose probability reaches p (1 = no limit).</summary>
    public float TopP { get; init; } = 1f;

    /// <summary>Hugging Face-style repetition penalty over prompt and generated tokens (1 = off).</summary>
    public float RepetitionPenalty { get; init; } = 1f;

    /// <summary>Seed for reproducible sampling; null draws a random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Whether this selects the argmax.</summary>
    public bool IsGreedy => Temperature <= 0 || TopK == 1;
}

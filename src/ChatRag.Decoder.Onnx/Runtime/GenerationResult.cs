namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>Counters and outcome of one text generation, filled in as it runs.</summary>
public sealed class GenerationResult
{
    /// <summary>Prompt tokens.</summary>
    public int PromptTokens { get; set; }

    /// <summary>Generated token ids, in order.</summary>
    public List<int> TokenIds { get; } = [];

    /// <summary>Generated text (stop strings excluded).</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Why generation ended.</summary>
    public FinishReason FinishReason { get; set; }

    /// <summary>Time from start to the first generated token (includes prefill).</summary>
    public TimeSpan TimeToFirstToken { get; set; }

    /// <summary>Total generation time.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Decode speed after the first token (tokens per second), 0 when fewer than two tokens.</summary>
    public double DecodeTokensPerSecond =>
        TokenIds.Count > 1 && Elapsed > TimeToFirstToken ? (TokenIds.Count - 1) / (Elapsed - TimeToFirstToken).TotalSeconds : 0;
}

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>Counters and outcome of one text generation, filled in as it runs.</summary>
public sealed class GenerationResult
{
    /// <summary>Prompt tokens.</summary>
    public int PromptTokens { get; internal set; }

    /// <summary>Generated token ids, in order.</summary>
    public List<int> TokenIds { get; } = [];

    /// <summary>Generated text (stop strings excluded).</summary>
    public string Text { get; internal set; } = string.Empty;

    /// <summary>Why generation ended.</summary>
    public FinishReason FinishReason { get; internal set; }

    /// <summary>Time from start to the first generated token (includes prefill).</summary>
    public TimeSpan TimeToFirstToken { get; internal set; }

    /// <summary>Total generation time.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Decode speed after the first token (tokens per second), 0 when fewer than two tokens.</summary>
    public double DecodeTokensPerSecond =>
        TokenIds.Count > 1 && Elapsed > TimeToFirstToken ? (TokenIds.Count - 1) / (Elapsed - TimeToFirstToken).TotalSeconds : 0;
}

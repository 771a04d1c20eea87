using System.ComponentModel.DataAnnotations;

namespace ChatRag.Core.Retrieval.Reranking;

/// <summary>The optional cross-encoder reranker, bound from <see cref="SectionName"/> and validated at start-up.</summary>
public sealed class RerankerOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:Reranker";

    /// <summary>
    /// Reranker folder (<c>model.onnx</c> + <c>tokenizer.json</c>, <c>vocab.txt</c> or <c>sentencepiece.bpe.model</c>): a
    /// path, or a folder name under the models directory. Empty turns reranking off.
    /// </summary>
    public string? Model { get; set; }

    /// <summary>How many of the best fused candidates are rescored.</summary>
    [Range(2, 200)]
    public int Candidates { get; set; } = 30;

    /// <summary>(query, passage) pairs per graph run.</summary>
    [Range(1, 256)]
    public int BatchSize { get; set; } = 16;

    /// <summary>Longest pair in tokens, special tokens included; the longer side is truncated first.</summary>
    [Range(8, 8192)]
    public int MaxTokens { get; set; } = 512;

    /// <summary>
    /// Time reranking may take per search, checked before each batch; past it the fused order is kept and the trace
    /// says so.
    /// </summary>
    [Range(1, 600_000)]
    public int LatencyBudgetMs { get; set; } = 2_000;

    /// <summary>
    /// When true (the default) a reranker folder that cannot be loaded stops start-up with the reason; when false the
    /// reason is logged and search runs without reranking.
    /// </summary>
    public bool Required { get; set; } = true;

    /// <summary>Whether a reranker is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Model);
}

using System.ComponentModel.DataAnnotations;

namespace ChatRag.Chat;

/// <summary>Chat settings (section <c>ChatRag:Chat</c>), validated at start-up.</summary>
public sealed class GroundedChatOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:Chat";

    /// <summary>Longest accepted user message, in characters.</summary>
    [Range(1, 100_000)]
    public int MaxMessageLength { get; set; } = 8_000;

    /// <summary>Number of passages retrieved and numbered in the prompt.</summary>
    [Range(1, 50)]
    public int Sources { get; set; } = 5;

    /// <summary>Earlier turns (user + assistant messages) given to the rewriter and the model.</summary>
    [Range(0, 50)]
    public int HistoryMessages { get; set; } = 6;

    /// <summary>Sentences (or list items) an extractive answer may quote; a second one only when nearly as good as the first.</summary>
    [Range(1, 20)]
    public int ExtractiveSentences { get; set; } = 2;

    /// <summary>
    /// Share (0..1) of the question's content terms that the best sentence's passage must hold for the documents to
    /// count as answering it. Under it, the answer says so plainly, with no citations, and no model is asked.
    /// Calibrated on PIAF and an unanswerable set (docs/benchmarks.md, "Answers without a model").
    /// </summary>
    [Range(0.0, 1.0)]
    public double AnswerMinSupport { get; set; } = 0.25;

    /// <summary>Embedding cosine between the question and the best sentence under which the documents do not answer it (when an encoder is configured).</summary>
    [Range(-1.0, 1.0)]
    public double AnswerMinCosine { get; set; } = 0.52;

    /// <summary>Lexical support score (0..1) under which a cited sentence may be flagged unsupported (when its cosine is low too).</summary>
    [Range(0.0, 1.0)]
    public double SupportThreshold { get; set; } = 0.3;

    /// <summary>Whether cited sentences are also checked by embedding cosine with the first configured encoder.</summary>
    public bool SemanticSupport { get; set; } = true;

    /// <summary>
    /// Cosine (sentence vs. the passage's best sentence window) from which a sentence counts as supported even with few
    /// shared words. The default comes from SciFact claims vs. cited and random abstracts (docs/benchmarks.md, "Citation support").
    /// </summary>
    [Range(-1.0, 1.0)]
    public double SemanticSupportThreshold { get; set; } = 0.65;

    /// <summary>Tokens the model may write per answer.</summary>
    [Range(16, 32_768)]
    public int MaxOutputTokens { get; set; } = 1_024;

    /// <summary>
    /// Context window (tokens) assumed for a model that does not report its own (a remote endpoint); the in-process
    /// decoder reports its own and counts with its tokenizer. Prompts are trimmed to fit it.
    /// </summary>
    [Range(512, 10_000_000)]
    public int ContextTokens { get; set; } = 8_192;
}

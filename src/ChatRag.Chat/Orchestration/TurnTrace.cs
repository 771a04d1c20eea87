using System.Text.Json.Serialization;
using ChatRag.Chat.Tools;
using ChatRag.Core.Retrieval.Reranking;

namespace ChatRag.Chat.Orchestration;

/// <summary>
/// The trace the system records itself for one answer. It is stored with the assistant message as JSON and read back
/// as the REST contract's trace, so its shape (names, order, omitted nulls) is the contract's.
/// </summary>
/// <param name="Query">The user's message.</param>
/// <param name="RewrittenQuery">The standalone query used for retrieval.</param>
/// <param name="RewriteMethod"><c>none</c>, <c>model</c> or <c>terms</c>.</param>
/// <param name="Hits">Retrieved passages, numbered as in the prompt.</param>
/// <param name="ToolCalls">Tools the model called.</param>
/// <param name="Tokens">Token counts reported by the model.</param>
/// <param name="Model">Model id, or <c>extractive</c>.</param>
/// <param name="Mode"><c>generative</c> or <c>extractive</c>.</param>
/// <param name="TimingsMs">Milliseconds per stage.</param>
/// <param name="Note">Why the mode was chosen when it was a fallback, else null.</param>
/// <param name="RewriteReason">Why the question was (or was not) rewritten with the previous one.</param>
/// <param name="Evidence">How well the best retrieved sentence supports an answer, and the verdict.</param>
public sealed record TurnTrace(
    string Query,
    string RewrittenQuery,
    string RewriteMethod,
    IReadOnlyList<TurnTraceHit> Hits,
    IReadOnlyList<ToolCallRecord> ToolCalls,
    TurnTokens Tokens,
    string Model,
    string Mode,
    IReadOnlyDictionary<string, double> TimingsMs,
    string? Note = null,
    string? RewriteReason = null,
    TurnEvidence? Evidence = null)
{
    /// <summary>What the cross-encoder reranker did for the retrieval (absent when none is configured).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RerankOutcome? Rerank { get; init; }

    /// <summary>The configured decoder that wrote a generative answer; absent for extractive answers.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Decoder { get; init; }

    /// <summary>Chosen documents that were deleted and dropped out of the conversation's choice this turn; absent when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Guid>? DroppedDocumentIds { get; init; }
}

/// <summary>A retrieved passage as numbered in the prompt.</summary>
/// <param name="Index">Source number <c>[n]</c>.</param>
/// <param name="ChunkId">The passage id.</param>
/// <param name="DocumentId">Its document.</param>
/// <param name="DocumentName">Its document's name.</param>
/// <param name="Page">Its page, when known.</param>
/// <param name="Score">Fused retrieval score.</param>
/// <param name="Ranks">Rank per retrieval signal.</param>
public sealed record TurnTraceHit(int Index, long ChunkId, Guid DocumentId, string DocumentName, int? Page, double Score, IReadOnlyDictionary<string, int> Ranks)
{
    /// <summary>The cross-encoder's relevance (0-1) when a reranker ordered the passages; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RerankScore { get; init; }

    /// <summary>1-based position in the fused list when a reranker ran; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? FusedRank { get; init; }
}

/// <summary>Token counts reported by the model; null when it reported none.</summary>
/// <param name="Input">Prompt tokens.</param>
/// <param name="Output">Generated tokens.</param>
/// <param name="Total">Both.</param>
public sealed record TurnTokens(long? Input, long? Output, long? Total);

/// <summary>The evidence behind <c>found</c>: how well the best retrieved sentence supports an answer.</summary>
/// <param name="Found">Whether the documents answer the question.</param>
/// <param name="Support">Share (0..1) of the question's content terms held by the best sentence's passage.</param>
/// <param name="Cosine">Embedding cosine between the question and the best sentence, when an encoder is configured.</param>
/// <param name="Reason">The verdict in words.</param>
public sealed record TurnEvidence(bool Found, double Support, double? Cosine, string Reason);

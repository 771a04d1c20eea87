namespace ChatRag.Contracts.Chat;

/// <summary>The trace the system records itself for one answer (not the model's own account).</summary>
/// <param name="Query">The user's message.</param>
/// <param name="RewrittenQuery">The standalone query used for retrieval.</param>
/// <param name="RewriteMethod"><c>none</c>, <c>model</c> or <c>terms</c> (previous question's key terms appended, only when the question needs them: a pronoun or an ellipsis).</param>
/// <param name="Hits">Retrieved passages, numbered as in the prompt.</param>
/// <param name="ToolCalls">Tools the model called.</param>
/// <param name="Tokens">Token counts reported by the model.</param>
/// <param name="Model">Model id, or <c>extractive</c>.</param>
/// <param name="Mode"><c>generative</c> or <c>extractive</c>.</param>
/// <param name="TimingsMs">Milliseconds per stage.</param>
/// <param name="Note">Why the mode was chosen when it was a fallback, else null.</param>
/// <param name="RewriteReason">Why the question was (or was not) rewritten with the previous one.</param>
/// <param name="Evidence">How well the best retrieved sentence supports an answer, and the verdict.</param>
public sealed record ChatTrace(
    string Query,
    string RewrittenQuery,
    string RewriteMethod,
    IReadOnlyList<TraceHit> Hits,
    IReadOnlyList<TraceToolCall> ToolCalls,
    TraceTokens Tokens,
    string Model,
    string Mode,
    IReadOnlyDictionary<string, double> TimingsMs,
    string? Note = null,
    string? RewriteReason = null,
    TraceEvidence? Evidence = null)
{
    /// <summary>What the cross-encoder reranker did for the retrieval (absent when none is configured).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Search.RerankSummary? Rerank { get; init; }

    /// <summary>The configured decoder that wrote a generative answer (its name, as in <c>model</c>); absent for extractive answers.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Decoder { get; init; }

    /// <summary>
    /// Documents the conversation had chosen that were deleted since; they dropped out of its choice this turn (the
    /// turn answered from the rest, or from the whole collection when none was left). Only a follow-up that names no
    /// documents drops them; ids a request names must exist. Absent when none.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Guid>? DroppedDocumentIds { get; init; }
}

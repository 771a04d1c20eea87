using ChatRag.Chat.Citations;
using ChatRag.Chat.Orchestration;
using ChatRag.Chat.Tools;
using ChatRag.Contracts.Chat;
using ChatRag.Contracts.Search;

namespace ChatRag.Server.Endpoints;

/// <summary>
/// The chat engine's results as the REST contract records: the engine keeps its own domain records (it does not
/// reference the contracts), and every route that answers a chat turn maps them here.
/// </summary>
public static class ChatContractMapping
{
    /// <summary>The answer of <c>POST /api/v1/chat</c> and the <c>done</c> event.</summary>
    /// <param name="result">The engine's result.</param>
    /// <returns>The contract record.</returns>
    public static ChatResponse ToContract(this TurnResult result) =>
        new(result.ConversationId, result.Answer, [.. result.Citations.Select(ToContract)], result.Mode, result.Trace.ToContract(), result.Found)
        {
            DocumentIds = result.DocumentIds,
        };

    /// <summary>A citation, as in answers and the <c>citation</c> event.</summary>
    /// <param name="c">The engine's citation.</param>
    /// <returns>The contract record.</returns>
    public static ChatCitation ToContract(this SourceCitation c) =>
        new(c.Index, c.DocumentId, c.DocumentName, c.ChunkId, c.Text, c.Page, c.StartOffset, c.EndOffset, c.Supported, c.Score,
            [.. c.Claims.Select(k => new CitedClaim(k.Sentence, k.Start, k.End, k.Score, k.Supported, k.SemanticScore))])
        {
            OcrConfidence = c.OcrConfidence,
        };

    /// <summary>A tool call, as in the trace and the <c>tool</c> event.</summary>
    /// <param name="call">The engine's record.</param>
    /// <returns>The contract record.</returns>
    public static TraceToolCall ToContract(this ToolCallRecord call) => new(call.Name, call.Arguments, call.Result, call.Ms, call.Failed);

    /// <summary>The trace of an answer.</summary>
    /// <param name="t">The engine's trace.</param>
    /// <returns>The contract record.</returns>
    public static ChatTrace ToContract(this TurnTrace t) =>
        new(
            t.Query,
            t.RewrittenQuery,
            t.RewriteMethod,
            [.. t.Hits.Select(h => new TraceHit(h.Index, h.ChunkId, h.DocumentId, h.DocumentName, h.Page, h.Score, h.Ranks) { RerankScore = h.RerankScore, FusedRank = h.FusedRank })],
            [.. t.ToolCalls.Select(ToContract)],
            new TraceTokens(t.Tokens.Input, t.Tokens.Output, t.Tokens.Total),
            t.Model,
            t.Mode,
            t.TimingsMs,
            t.Note,
            t.RewriteReason,
            t.Evidence is { } e ? new TraceEvidence(e.Found, e.Support, e.Cosine, e.Reason) : null)
        {
            Rerank = t.Rerank is { } r ? new RerankSummary(r.Model, r.Candidates, r.Applied, r.Reason, r.Milliseconds) : null,
            Decoder = t.Decoder,
            DroppedDocumentIds = t.DroppedDocumentIds,
        };
}

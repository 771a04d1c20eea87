namespace ChatRag.Mcp.Results;

/// <summary>What <c>ask</c> returns: a grounded answer with its checked citations.</summary>
/// <param name="Answer">The answer, with <c>[n]</c> markers that refer to <paramref name="Citations"/>.</param>
/// <param name="Citations">The sources, by marker number.</param>
/// <param name="Found">False when the documents do not answer the question (the answer then says so).</param>
/// <param name="Mode">generative (a language model wrote it) or extractive (quoted sentences; no model installed).</param>
/// <param name="ConversationId">Pass it as <c>conversationId</c> to ask a follow-up in the same conversation.</param>
public sealed record AskAnswer(string Answer, IReadOnlyList<AskCitation> Citations, bool Found, string Mode, Guid ConversationId)
{
    /// <summary>
    /// Chosen documents that were deleted since the conversation chose them: they dropped out of its choice and the
    /// answer comes from the rest (or from the whole collection when none was left). Absent when none.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Guid>? DroppedDocumentIds { get; init; }

    /// <summary>What the trace notes about this answer (a dropped document, a fallback to quoting), or absent.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }
}

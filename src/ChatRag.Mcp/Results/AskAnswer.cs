namespace ChatRag.Mcp.Results;

/// <summary>What <c>ask</c> returns: a grounded answer with its checked citations.</summary>
/// <param name="Answer">The answer, with <c>[n]</c> markers that refer to <paramref name="Citations"/>.</param>
/// <param name="Citations">The sources, by marker number.</param>
/// <param name="Found">False when the documents do not answer the question (the answer then says so).</param>
/// <param name="Mode">generative (a language model wrote it) or extractive (quoted sentences; no model installed).</param>
/// <param name="ConversationId">Pass it as <c>conversationId</c> to ask a follow-up in the same conversation.</param>
public sealed record AskAnswer(string Answer, IReadOnlyList<AskCitation> Citations, bool Found, string Mode, Guid ConversationId);

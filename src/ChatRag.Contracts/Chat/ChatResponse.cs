namespace ChatRag.Contracts.Chat;

/// <summary>Answer of <c>POST /api/v1/chat</c> (and the <c>done</c> event of a streamed answer).</summary>
/// <param name="ConversationId">The conversation the turn was stored in.</param>
/// <param name="Answer">The answer text; citation numbers that pointed nowhere are removed.</param>
/// <param name="Citations">Resolved citations, by number.</param>
/// <param name="Mode"><c>generative</c> (a language model wrote it) or <c>extractive</c> (quoted sentences).</param>
/// <param name="Trace">What the system did to produce the answer.</param>
/// <param name="Found">
/// Whether the documents answer the question. When false the answer says so plainly and carries no citations (the
/// best retrieved sentence did not pass the evidence bar; the trace's <c>evidence</c> says why).
/// </param>
public sealed record ChatResponse(Guid ConversationId, string Answer, IReadOnlyList<ChatCitation> Citations, string Mode, ChatTrace Trace, bool Found = true)
{
    /// <summary>The documents this answer was searched in (the conversation's choice); empty for the whole collection.</summary>
    public IReadOnlyList<Guid> DocumentIds { get; init; } = [];
}

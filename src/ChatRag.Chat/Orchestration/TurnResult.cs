using ChatRag.Chat.Citations;

namespace ChatRag.Chat.Orchestration;

/// <summary>The result of one chat turn, as the engine reports it (the server maps it to the REST contract).</summary>
/// <param name="ConversationId">The conversation the turn was stored in (empty for a turn with supplied history).</param>
/// <param name="Answer">The answer text; citation numbers that pointed nowhere are removed.</param>
/// <param name="Citations">Resolved citations, by number.</param>
/// <param name="Mode"><c>generative</c> or <c>extractive</c>.</param>
/// <param name="Trace">What the system did to produce the answer.</param>
/// <param name="Found">Whether the documents answer the question.</param>
public sealed record TurnResult(Guid ConversationId, string Answer, IReadOnlyList<SourceCitation> Citations, string Mode, TurnTrace Trace, bool Found = true)
{
    /// <summary>The documents this answer was searched in (the conversation's choice); empty for the whole collection.</summary>
    public IReadOnlyList<Guid> DocumentIds { get; init; } = [];
}
